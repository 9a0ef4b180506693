"""The RSS and Atom feeds list the live articles, newest first, with absolute links."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from tests.factories import add_article, build_content, build_site

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.content = build_content(cls.tree)
        cls.ice, cls.rehab = cls.content["ice"], cls.content["rehab"]
        # Only articles belong in the feed, newest first.
        cls.expected_links = [cls.ice.get_full_url(), cls.rehab.get_full_url()]

    def get_xml(self, url, content_type):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith(content_type), response["Content-Type"])
        return ET.fromstring(response.content)

    def test_rss_lists_the_live_articles(self):
        channel = self.get_xml("/feeds/articles/rss.xml", "application/rss+xml").find("channel")
        self.assertEqual(channel.findtext("title"), "禁毒新闻与知识")
        self.assertEqual(
            [item.findtext("link") for item in channel.findall("item")], self.expected_links
        )
        first = channel.find("item")
        self.assertEqual(first.findtext("title"), self.ice.title)
        self.assertEqual(first.findtext("description"), self.ice.summary)
        self.assertEqual([c.text for c in first.findall("category")], ["学校"])
        self.assertTrue(first.findtext("pubDate"))

    def test_atom_lists_the_live_articles(self):
        feed = self.get_xml("/feeds/articles/atom.xml", "application/atom+xml")
        entries = feed.findall("atom:entry", ATOM)
        links = [entry.find("atom:link", ATOM).get("href") for entry in entries]
        self.assertEqual(links, self.expected_links)
        self.assertEqual(entries[0].findtext("atom:title", namespaces=ATOM), self.ice.title)
        self.assertTrue(entries[0].findtext("atom:updated", namespaces=ATOM))

    def test_channel_link_is_the_absolute_home_url(self):
        channel = self.get_xml("/feeds/articles/rss.xml", "application/rss+xml").find("channel")
        self.assertEqual(channel.findtext("link"), self.tree.home.get_full_url())

    def test_links_are_absolute(self):
        for link in self.expected_links:
            self.assertRegex(link, r"^https?://localhost/news/")


class FeedSizeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        for number in range(25):
            add_article(cls.tree.news, f"禁毒简讯第{number + 1}期", "社区禁毒宣传活动简讯。")

    def test_feed_holds_the_twenty_newest(self):
        channel = ET.fromstring(self.client.get("/feeds/articles/rss.xml").content).find("channel")
        titles = [item.findtext("title") for item in channel.findall("item")]
        self.assertEqual(titles, [f"禁毒简讯第{number}期" for number in range(25, 5, -1)])
