"""Editors find pages in the Wagtail admin by a Chinese word inside the title."""

from django.test import TestCase

from tests.factories import add_article, build_site, make_superuser


class AdminPageSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_site()
        cls.article = add_article(tree.news, "青少年如何识别合成毒品伪装", "冰毒是一种合成毒品。")
        add_article(tree.news, "社区禁毒宣传活动", "街道开展宣传。")
        cls.editor = make_superuser()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_word_inside_a_title_finds_the_page(self):
        response = self.client.get("/admin/pages/search/", {"q": "合成毒品"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual([page.pk for page in response.context["pages"]], [self.article.pk])

    def test_absent_word_finds_nothing(self):
        response = self.client.get("/admin/pages/search/", {"q": "海洛因"})
        self.assertEqual(list(response.context["pages"]), [])
