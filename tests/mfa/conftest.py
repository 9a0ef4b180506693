import pytest

from tests.wechat.conftest import fake_wechat  # noqa: F401 -- WeChat login of staff accounts


@pytest.fixture
def mfa_required(settings):
    """Two-factor login is enforced, as in production."""
    settings.MFA_REQUIRED = True
