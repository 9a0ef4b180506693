"""Odd or hostile query strings on the listings and the search answer normally, never 500.

Run on PostgreSQL as well: it refuses a NUL character anywhere in a query.
"""

from django.test import TestCase

from tests.factories import build_content, build_site

ODD_PARAMS = [
    {"page": "abc"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "99999"},
    {"page": "9" * 40},
    {"page": "\x00"},
    {"category": "<script>alert(1)</script>"},
    {"category": "\x00"},
    {"tag": "\"'><script>alert(1)</script>"},
    {"tag": "\x00"},
    {"tag": "合成\x00毒品"},
    {"tag": "毒" * 5000},
    {"q": "毒" * 10_000},
    {"q": '"'},
    {"q": "*"},
    {"q": "NEAR("},
    {"q": "AND OR NOT"},
    {"q": "冰毒 OR 海洛因 NOT 大麻"},
    {"q": "\x00"},
    {"q": "冰毒\x00"},
    {"q": "(冰毒) -戒毒 ^2 col:x"},
    {"q": "冰毒", "page": "abc"},
    {"q": "冰毒", "page": "99999"},
]


class OddQueryStringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.content = build_content(cls.tree)

    def test_listings_and_search_answer_every_odd_query(self):
        urls = [
            "/",
            self.tree.news.url,
            self.tree.campaigns.url,
            self.tree.drug_facts.url,
            self.tree.events.url,
            "/search/",
        ]
        for url in urls:
            for params in ODD_PARAMS:
                with self.subTest(url=url, params=params):
                    response = self.client.get(url, params)
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "<script>alert(1)</script>")

    def test_nul_characters_in_a_tag_are_dropped(self):
        response = self.client.get(self.tree.news.url, {"tag": "合成\x00毒品"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [article.title for article in response.context["articles"]],
            [self.content["ice"].title],
        )
