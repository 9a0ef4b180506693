"""Adults sign up with an email address, verify it, then log in; passwords can be reset."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from django.urls import NoReverseMatch, reverse

from tests.factories import PASSWORD, build_site, make_user

NEW_PASSWORD = "Jindu-2025-new-pass"


def link_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


class AccountPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def test_sign_up_page(self):
        response = self.client.get(reverse("account_signup"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="email"')
        self.assertContains(response, 'name="password1"')
        self.assertContains(response, 'name="password2"')
        self.assertNotContains(response, 'name="username"')

    def test_login_page(self):
        response = self.client.get(reverse("account_login"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="login"')
        self.assertContains(response, 'type="email"')
        self.assertContains(response, 'name="password"')

    def test_password_reset_page(self):
        response = self.client.get(reverse("account_reset_password"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="email"')

    def test_login_link_in_the_header_returns_to_the_page(self):
        response = self.client.get("/news/")
        self.assertContains(response, 'href="/accounts/login/?next=/news/"')


class SignUpTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def sign_up(self, email="parent@example.cn"):
        return self.client.post(
            reverse("account_signup"),
            {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        )

    def log_in(self, email="parent@example.cn", password=PASSWORD):
        return self.client.post(reverse("account_login"), {"login": email, "password": password})

    def assertLoggedOut(self):
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_sign_up_sends_a_verification_email(self):
        response = self.sign_up()
        self.assertRedirects(response, reverse("account_email_verification_sent"))
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["parent@example.cn"])
        self.assertRegex(link_in(message), r"^/accounts/confirm-email/[^/]+/$")
        self.assertTrue(get_user_model().objects.filter(email="parent@example.cn").exists())
        self.assertLoggedOut()

    def test_cannot_log_in_before_verifying(self):
        self.sign_up()
        self.client.logout()
        response = self.log_in()
        self.assertRedirects(response, reverse("account_email_verification_sent"))
        self.assertLoggedOut()

    def test_verifying_then_logging_in(self):
        self.sign_up()
        confirm_url = link_in(mail.outbox[0])
        self.client.logout()

        self.assertEqual(self.client.get(confirm_url).status_code, 200)
        self.client.post(confirm_url)
        user = get_user_model().objects.get(email="parent@example.cn")
        self.assertTrue(user.emailaddress_set.get().verified)

        self.client.logout()
        response = self.log_in()
        self.assertRedirects(response, settings.LOGIN_REDIRECT_URL, fetch_redirect_response=False)
        self.assertEqual(self.client.session["_auth_user_id"], str(user.pk))

    def test_wrong_password_is_refused(self):
        make_user("teacher@example.cn")
        response = self.log_in("teacher@example.cn", "not-the-password")
        self.assertEqual(response.status_code, 200)
        self.assertLoggedOut()

    def test_same_email_cannot_sign_up_twice(self):
        make_user("parent@example.cn")
        response = self.sign_up()
        # The answer does not reveal that the address is registered; the owner gets a notice.
        self.assertRedirects(response, reverse("account_email_verification_sent"))
        self.assertEqual(get_user_model().objects.filter(email="parent@example.cn").count(), 1)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["parent@example.cn"])
        self.assertNotIn("/accounts/confirm-email/", mail.outbox[0].body)
        self.assertLoggedOut()


class PasswordResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.user = make_user("teacher@example.cn")

    def test_reset_by_email_link(self):
        response = self.client.post(reverse("account_reset_password"), {"email": self.user.email})
        self.assertRedirects(response, reverse("account_reset_password_done"))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [self.user.email])

        response = self.client.get(link_in(mail.outbox[0]), follow=True)
        self.assertEqual(response.status_code, 200)
        set_password_url = response.redirect_chain[-1][0]
        self.assertContains(response, 'name="password1"')

        response = self.client.post(
            set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )
        self.assertRedirects(response, reverse("account_reset_password_from_key_done"))
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW_PASSWORD))

    def test_unknown_address_sends_nothing_useful(self):
        response = self.client.post(
            reverse("account_reset_password"), {"email": "nobody@example.cn"}
        )
        self.assertRedirects(response, reverse("account_reset_password_done"))
        self.assertFalse(any("/accounts/password/reset/key/" in m.body for m in mail.outbox))


class WechatLoginAbsentTests(TestCase):
    """Without WECHAT_APP_ID the WeChat provider is not installed at all."""

    def test_provider_not_installed(self):
        self.assertFalse(settings.WECHAT_APP_ID)
        self.assertNotIn("allauth.socialaccount.providers.weixin", settings.INSTALLED_APPS)

    def test_login_url_does_not_exist(self):
        with self.assertRaises(NoReverseMatch):
            reverse("weixin_login")
        self.assertEqual(self.client.get("/accounts/weixin/login/").status_code, 404)
