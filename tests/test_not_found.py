"""An unknown address answers 404 with the site's own Chinese page, not Django's."""

from django.test import TestCase, override_settings

from tests.factories import add_article, build_site


@override_settings(DEBUG=False)
class NotFoundPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()

    def test_unknown_page_under_the_site(self):
        response = self.client.get("/news/no-such-article/")
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, "抱歉，您访问的页面不存在", status_code=404)
        self.assertContains(response, 'action="/search/"', status_code=404)

    def test_unknown_path_outside_wagtail(self):
        response = self.client.get("/feeds/no-such-feed.xml")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "抱歉，您访问的页面不存在", status_code=404)

    def test_draft_page_is_not_served(self):
        draft = add_article(self.tree.news, "未发布的草稿", "尚未审核。", live=False)
        response = self.client.get(f"/news/{draft.slug}/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "抱歉，您访问的页面不存在", status_code=404)
