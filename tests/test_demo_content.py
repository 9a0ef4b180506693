"""`manage.py load_demo` builds the promised demo content and a second run changes nothing."""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from education.models import (
    ArticleCategory,
    ArticlePage,
    CampaignPage,
    DrugFactPage,
    EventPage,
    HomePage,
)


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": list(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
    }


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = io.StringIO()
        call_command("load_demo", stdout=cls.first_output)
        cls.after_first = snapshot()

    def test_second_run_creates_and_changes_nothing(self):
        call_command("load_demo", stdout=io.StringIO())
        self.assertEqual(snapshot(), self.after_first)

    def test_home_page_is_the_default_site_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)
        self.assertEqual(self.client.get("/").status_code, 200)

    def test_site_address_is_the_one_the_demo_is_served_at(self):
        # Sitemap, feeds and shared links are built from it.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), (address.hostname, address.port or 80))
        self.assertTrue(site.root_url.startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/")))

    def test_articles_cover_all_six_categories(self):
        articles = ArticlePage.objects.live()
        self.assertGreaterEqual(articles.count(), 12)
        for category in ArticleCategory.objects.all():
            with self.subTest(category=category.name):
                self.assertTrue(articles.filter(categories=category).exists())

    def test_both_campaigns_and_eight_drug_facts(self):
        titles = set(CampaignPage.objects.live().values_list("title", flat=True))
        self.assertTrue(any("6·26" in title for title in titles), titles)
        self.assertTrue(any("青少年与合成毒品" in title for title in titles), titles)
        self.assertGreaterEqual(DrugFactPage.objects.live().count(), 8)

    def test_events_past_and_upcoming(self):
        self.assertTrue(EventPage.objects.live().upcoming().exists())
        self.assertTrue(EventPage.objects.live().past().exists())

    def test_images_are_made_and_every_article_has_a_cover(self):
        self.assertGreater(get_image_model().objects.count(), 0)
        self.assertFalse(ArticlePage.objects.filter(cover_image__isnull=True).exists())

    def test_admin_login_is_created_and_printed(self):
        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.is_superuser)
        output = self.first_output.getvalue()
        self.assertIn("/admin/", output)
        self.assertIn("admin", output)

    def test_search_finds_demo_words(self):
        for word in ["冰毒", "合成毒品", "戒毒"]:
            with self.subTest(word=word):
                response = self.client.get("/search/", {"q": word})
                self.assertGreater(response.context["results"].paginator.count, 0)
