"""sitemap.xml lists every live page, and only those, by absolute URL."""

import xml.etree.ElementTree as ET

from django.test import TestCase
from django.utils import timezone

from tests.factories import build_content, build_site, live_pages

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.content = build_content(cls.tree)

    def setUp(self):
        self.response = self.client.get("/sitemap.xml")
        self.assertEqual(self.response.status_code, 200)
        self.root = ET.fromstring(self.response.content)

    def locations(self) -> list[str]:
        return [loc.text for loc in self.root.findall("sm:url/sm:loc", NS)]

    def test_is_a_sitemap_document(self):
        self.assertEqual(self.response["Content-Type"], "application/xml")
        self.assertEqual(self.root.tag, f"{{{NS['sm']}}}urlset")

    def test_lists_exactly_the_live_pages(self):
        expected = [page.get_full_url() for page in live_pages(self.tree, self.content)]
        self.assertEqual(sorted(self.locations()), sorted(expected))

    def test_draft_is_not_listed(self):
        draft_path = self.content["draft"].get_url_parts()[2]
        self.assertFalse(any(loc.endswith(draft_path) for loc in self.locations()))

    def test_urls_are_absolute(self):
        for loc in self.locations():
            self.assertRegex(loc, r"^https?://localhost/")

    def test_published_pages_carry_their_publication_date(self):
        lastmods = {
            url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
            for url in self.root.findall("sm:url", NS)
        }
        for key in ["ice", "rehab", "fact", "event", "campaign"]:
            page = self.content[key]
            with self.subTest(page=key):
                published = timezone.localtime(page.last_published_at).date().isoformat()
                self.assertEqual(lastmods[page.get_full_url()][:10], published)


class UnpublishedPageLeavesTheSitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.content = build_content(cls.tree)

    def test_unpublishing_removes_the_page(self):
        self.content["rehab"].unpublish()
        locations = [
            loc.text
            for loc in ET.fromstring(self.client.get("/sitemap.xml").content).findall(
                "sm:url/sm:loc", NS
            )
        ]
        self.assertNotIn(self.content["rehab"].get_full_url(), locations)
        self.assertIn(self.content["ice"].get_full_url(), locations)
