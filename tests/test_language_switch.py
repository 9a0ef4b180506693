"""Visitors switch the interface between Chinese and English; the choice sticks."""

from django.test import TestCase, override_settings

from tests.factories import build_site


class LanguageSwitchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()

    def switch_to(self, language):
        response = self.client.post("/i18n/setlang/", {"language": language, "next": "/"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_chinese_by_default(self):
        response = self.client.get("/")
        self.assertContains(response, '<html lang="zh-Hans">')
        self.assertContains(response, "跳到主要内容")
        self.assertContains(response, ">首页</a>")

    def test_switch_to_english_and_back(self):
        self.switch_to("en")
        response = self.client.get("/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Skip to main content")
        self.assertContains(response, ">Home</a>")
        self.assertContains(response, "Log in")
        self.assertNotContains(response, "跳到主要内容")

        self.switch_to("zh-hans")
        response = self.client.get("/")
        self.assertContains(response, '<html lang="zh-Hans">')
        self.assertContains(response, "跳到主要内容")
        self.assertNotContains(response, "Skip to main content")

    def test_english_choice_applies_to_every_page(self):
        self.switch_to("en")
        self.assertContains(self.client.get("/search/"), '<html lang="en">')
        with override_settings(DEBUG=False):
            response = self.client.get("/no-such-page/")
        self.assertContains(response, "Sorry, this page does not exist", status_code=404)

    def test_unknown_language_is_ignored(self):
        self.client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
        self.assertContains(self.client.get("/"), '<html lang="zh-Hans">')

    def test_browser_language_alone_does_not_switch(self):
        # Chinese first: many phones in China send an English Accept-Language.
        response = self.client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
        self.assertContains(response, '<html lang="zh-Hans">')
        self.assertEqual(response["Content-Language"], "zh-hans")

    def test_response_says_which_language_it_is_in(self):
        self.switch_to("en")
        self.assertEqual(self.client.get("/")["Content-Language"], "en")

    def test_responses_vary_on_the_language_cookie(self):
        # The feed carries no form, so nothing else would tell a shared cache about the cookie.
        response = self.client.get("/feeds/articles/rss.xml")
        self.assertIn("Cookie", response["Vary"])
