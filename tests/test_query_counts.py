"""Query counts of the busiest pages are pinned, so an N+1 shows up as a failing test.

Each page is rendered once to warm what a running site keeps (image renditions, the site
root cache, the settings row), then rendered again under ``assertNumQueries``.
"""

import datetime

from django.db import connection
from django.test import TestCase

from tests.factories import (
    add_article,
    add_campaign,
    add_drug_fact,
    add_event,
    build_site,
    make_image,
    today,
)

ARTICLES = 15
CATEGORY_SLUGS = ["venues", "community", "school", "enterprise", "family", "rural"]

# Measured with the content below. Search differs by database: SQLite's full-text backend
# checks view restrictions in a query of its own. The home page's city knowledge-rate widget
# looks for the current period (two queries when there is none, as here); with a period it
# adds the city's figures instead (see tests/rates/test_home_rate_widget.py).
HOME_QUERIES = 18
ARTICLE_QUERIES = 14
ARTICLE_INDEX_QUERIES = 15
DRUG_FACT_QUERIES = 13
SEARCH_QUERIES = {"sqlite": 9, "postgresql": 8}


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.articles = []
        for number in range(ARTICLES):
            cls.articles.append(
                add_article(
                    cls.tree.news,
                    f"第{number + 1}期禁毒宣传简报：合成毒品防范",
                    f"第{number + 1}期：各校开展合成毒品防范教育，学生毒品知晓率持续提升。",
                    summary="全市禁毒宣传教育工作动态。",
                    date=today() - datetime.timedelta(days=number),
                    categories=[CATEGORY_SLUGS[number % 6], CATEGORY_SLUGS[(number + 1) % 6]],
                    tags=["禁毒宣传", f"第{number % 3 + 1}季度"],
                    cover_image=make_image(f"简报封面{number + 1}", colour=f"#{number:02x}3b78"),
                )
            )
        cls.drug_facts = [
            add_drug_fact(
                cls.tree.drug_facts,
                f"毒品图鉴{number + 1}",
                cover_image=make_image(f"毒品图片{number + 1}"),
                gallery=[(make_image(f"实物图{number + 1}-{shot}"), "实物图") for shot in range(4)],
            )
            for number in range(4)
        ]
        events = [
            add_event(cls.tree.events, f"禁毒教育基地开放日{number + 1}", days_ahead=number + 1)
            for number in range(3)
        ]
        campaign = add_campaign(
            cls.tree.campaigns,
            "6·26国际禁毒日宣传月",
            cover_image=make_image("专题封面"),
            related=[cls.articles[0], events[0]],
        )
        cls.tree.home.featured_campaign = campaign
        cls.tree.home.hero_image = make_image("首页主视觉")
        cls.tree.home.save_revision().publish()

    def assertQueries(self, number, url):
        self.assertEqual(self.client.get(url).status_code, 200)
        with self.assertNumQueries(number):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_home(self):
        response = self.assertQueries(HOME_QUERIES, "/")
        self.assertContains(response, self.articles[0].title)

    def test_article(self):
        response = self.assertQueries(ARTICLE_QUERIES, self.articles[3].url)
        self.assertContains(response, self.articles[3].title)

    def test_article_index_filtered_by_category(self):
        response = self.assertQueries(ARTICLE_INDEX_QUERIES, "/news/?category=school")
        self.assertEqual(len(response.context["articles"]), 6)

    def test_drug_fact_with_gallery(self):
        response = self.assertQueries(DRUG_FACT_QUERIES, self.drug_facts[0].url)
        self.assertEqual(len(response.context["gallery"]), 4)

    def test_search(self):
        response = self.assertQueries(SEARCH_QUERIES[connection.vendor], "/search/?q=合成毒品")
        # Every article, and the campaign section whose introduction names 合成毒品.
        self.assertEqual(response.context["results"].paginator.count, ARTICLES + 1)
