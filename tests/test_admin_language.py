"""The Wagtail admin speaks Chinese unless the editor chose otherwise."""

from django.test import TestCase
from wagtail.users.models import UserProfile

from tests.factories import make_superuser


class AdminLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_superuser()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_admin_is_chinese_even_for_an_english_browser(self):
        response = self.client.get("/admin/", headers={"accept-language": "en-US,en;q=0.9"})
        self.assertContains(response, '<html lang="zh-hans"')
        self.assertContains(response, "控制面板")

    def test_an_editor_who_prefers_english_gets_english(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "en"
        profile.save()
        response = self.client.get("/admin/")
        self.assertContains(response, '<html lang="en"')
