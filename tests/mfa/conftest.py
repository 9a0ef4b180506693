import pytest

from tests.factories import build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_totp
from tests.wechat.conftest import fake_wechat  # noqa: F401 -- WeChat login of staff accounts


@pytest.fixture
def site_tree(db):
    """The site's pages, which the account pages and the pages after login need."""
    return build_site()


@pytest.fixture
def mfa_required(settings):
    """Two-factor login is enforced, as in production."""
    settings.MFA_REQUIRED = True


@pytest.fixture
def enrolled_account(db):
    """``enrolled_account(role)`` makes an account of that kind (see ``roles.PRIVILEGED``)
    with an authenticator app; returns the account and the app's secret."""

    def make(role: str):
        user = PRIVILEGED[role]()
        return user, enrol_totp(user)

    return make
