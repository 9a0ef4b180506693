"""The two-factor pages are in Chinese, inside the account pages' menu: the overview, the
recovery codes and their download, turning it off."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tests.mfa_helpers import enrol_recovery_codes, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture
def enrolled(client, enrolled_account):
    user, secret = enrolled_account("editor")
    codes = enrol_recovery_codes(user)
    client.force_login(user)
    return user, secret, codes


def test_the_overview(client, enrolled):
    page = client.get(reverse("mfa_index")).content.decode()
    assert "已开启：登录时需要输入身份验证器上的验证码。" in page
    assert "还有 10 个恢复码可用" in page
    assert f'href="{reverse("mfa_index")}" aria-current="page"' in page


def test_the_menu_of_the_account_pages_links_it(client, enrolled):
    page = client.get(reverse("account_change_password")).content.decode()
    assert f'href="{reverse("mfa_index")}"' in page
    assert "两步验证" in page


def test_the_recovery_codes_and_their_download(client, enrolled):
    _user, _secret, codes = enrolled
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert all(f"<code>{code}</code>" in page for code in codes)

    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download["Content-Disposition"].startswith("attachment")
    assert download.content.decode().split() == codes


def test_turning_it_off_needs_the_identity_confirmed_again(client, enrolled):
    _user, secret, _codes = enrolled
    response = client.get(reverse("mfa_deactivate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})

    page = client.get(reverse("mfa_deactivate_totp")).content.decode()

    assert "停用两步验证" in page
    assert "现有的恢复码同时作废" in page
