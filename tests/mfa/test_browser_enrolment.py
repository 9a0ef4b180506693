"""A school coordinator sets up two-factor login on a phone in a real Chromium, with
MFA_REQUIRED on: signing in leads, with the reason, to confirming the password and then to
the set-up page; the QR code shows under the site's security policy, the app's code
activates it and the recovery codes follow; no page scrolls sideways."""

import pytest
from allauth.mfa.models import Authenticator

from tests.browser import ARTIFACTS, assert_no_sideways_scroll, chromium, page_errors, phone_page
from tests.factories import PASSWORD, build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import totp_code

pytestmark = [pytest.mark.browser]


def screenshot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"phone-two-factor-{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_coordinator_sets_up_two_factor_login_on_a_phone(live_server, settings):
    settings.MFA_REQUIRED = True
    build_site()
    user = PRIVILEGED["school coordinator"]()

    with chromium() as browser:
        page = phone_page(browser)
        errors = page_errors(page)
        page.goto(live_server.url + "/accounts/login/?next=/my/")
        form = page.locator("main form").filter(has=page.get_by_label("密码"))
        form.get_by_label("电子邮件").fill(user.email)
        form.get_by_label("密码").fill(PASSWORD)
        form.get_by_role("button", name="登录").click()
        page.wait_for_url("**/accounts/reauthenticate/**")
        assert "必须开启两步验证" in page.locator(".messages").inner_text()
        page.locator("main form input[type=password]").fill(PASSWORD)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url("**/accounts/2fa/totp/activate/")
        qr = page.locator("main figure svg")
        assert qr.bounding_box()["width"] > 150
        assert_no_sideways_scroll(page)
        screenshot(page, "activate")
        secret = page.locator("#authenticator_secret").input_value()
        page.get_by_label("验证码").fill(totp_code(secret))
        page.get_by_role("button", name="开启").click()
        page.wait_for_url("**/accounts/2fa/recovery-codes/")
        assert page.locator("main ol code").count() == 10
        assert_no_sideways_scroll(page)
        screenshot(page, "recovery-codes")
        page.goto(live_server.url + "/my/")
        assert page.url.endswith("/my/")
        assert not errors

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
