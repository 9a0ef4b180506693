"""Each kind of page shows what its visitors come for, and never a draft."""

import datetime

from django.test import TestCase

from tests.factories import (
    add_article,
    add_drug_fact,
    add_event,
    build_content,
    build_site,
    live_pages,
    make_image,
    today,
)


class EveryPageRendersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.content = build_content(cls.tree)

    def test_every_live_page_renders_with_its_title(self):
        for page in live_pages(self.tree, self.content):
            with self.subTest(page=page.title):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)

    def test_home_lists_latest_articles_events_facts_and_no_draft(self):
        response = self.client.get("/")
        for key in ["ice", "rehab", "event", "fact"]:
            self.assertContains(response, self.content[key].title)
        self.assertNotContains(response, self.content["draft"].title)

    def test_menu_links_the_four_sections(self):
        response = self.client.get("/")
        for section in [
            self.tree.news,
            self.tree.campaigns,
            self.tree.drug_facts,
            self.tree.events,
        ]:
            self.assertContains(response, f'href="{section.url}"')

    def test_home_sections_link_to_more(self):
        response = self.client.get("/")
        for section in [self.tree.news, self.tree.events, self.tree.drug_facts]:
            self.assertContains(response, f'class="section-more" href="{section.url}"')

    def test_campaign_shows_its_theme_dates_and_related_pages(self):
        campaign = self.content["campaign"]
        response = self.client.get(campaign.url)
        self.assertContains(response, "健康人生　绿色无毒")
        self.assertContains(response, campaign.start_date.isoformat())
        self.assertContains(response, "进行中")
        self.assertContains(response, f'href="{self.content["ice"].url}"')
        self.assertContains(response, self.content["event"].title)

    def test_drug_fact_shows_street_names_and_each_section(self):
        response = self.client.get(self.content["fact"].url)
        for name in ["冰", "麻古"]:
            self.assertContains(response, f"<li>{name}</li>", html=True)
        self.assertContains(response, "合成毒品")
        self.assertContains(response, "白色或透明的晶体。")
        self.assertContains(response, "无论数量多少都应当追究刑事责任")

    def test_article_shows_date_source_categories_and_tags(self):
        ice = self.content["ice"]
        response = self.client.get(ice.url)
        self.assertContains(response, ice.date.isoformat())
        self.assertContains(response, "市禁毒办")
        self.assertContains(response, 'href="/news/?category=school"')
        self.assertContains(response, "合成毒品")
        self.assertContains(response, "/news/?tag=")

    def test_open_graph_tags_for_sharing(self):
        ice = self.content["ice"]
        response = self.client.get(ice.url)
        self.assertContains(response, f'<meta property="og:title" content="{ice.title}">')
        self.assertContains(response, f'<meta property="og:description" content="{ice.summary}">')
        self.assertRegex(
            response.content.decode(), r'<meta property="og:image" content="http://testserver/'
        )


class ArticleIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.titles = []
        for number in range(12):
            cls.titles.append(
                add_article(
                    cls.tree.news,
                    f"禁毒工作简讯第{number + 1}期",
                    "各地开展禁毒宣传。",
                    date=today() - datetime.timedelta(days=number),
                    categories=["school"] if number % 2 else ["rural"],
                    tags=["防范"] if number < 3 else [],
                ).title
            )

    def listed(self, **params) -> list[str]:
        response = self.client.get("/news/", params)
        self.assertEqual(response.status_code, 200)
        return [article.title for article in response.context["articles"]]

    def test_newest_first_ten_a_page(self):
        self.assertEqual(self.listed(), self.titles[:10])
        self.assertEqual(self.listed(page=2), self.titles[10:])

    def test_filter_by_category(self):
        self.assertEqual(self.listed(category="school"), self.titles[1::2])
        self.assertContains(self.client.get("/news/", {"category": "school"}), "学校")

    def test_filter_by_tag(self):
        self.assertEqual(self.listed(tag="防范"), self.titles[:3])

    def test_unknown_category_shows_everything(self):
        self.assertEqual(self.listed(category="nowhere"), self.titles[:10])

    def test_page_number_out_of_range_shows_the_last_page(self):
        self.assertEqual(self.listed(page=99), self.titles[10:])
        self.assertEqual(self.listed(page="abc"), self.titles[:10])

    def test_categories_are_offered_as_filters(self):
        response = self.client.get("/news/")
        for slug in ["venues", "community", "school", "enterprise", "family", "rural"]:
            self.assertContains(response, f"?category={slug}")


class EventIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.soon = add_event(cls.tree.events, "校园禁毒讲座", days_ahead=2)
        cls.later = add_event(cls.tree.events, "社区禁毒宣传日", days_ahead=20)
        cls.past = add_event(cls.tree.events, "去年的开放日", days_ahead=-30)

    def test_upcoming_in_date_order_then_past(self):
        response = self.client.get(self.tree.events.url)
        self.assertEqual(list(response.context["upcoming_events"]), [self.soon, self.later])
        self.assertEqual(list(response.context["past_events"]), [self.past])
        content = response.content.decode()
        self.assertLess(content.index("校园禁毒讲座"), content.index("社区禁毒宣传日"))
        self.assertLess(content.index("社区禁毒宣传日"), content.index("去年的开放日"))

    def test_event_shows_date_time_and_place(self):
        response = self.client.get(self.soon.url)
        self.assertContains(response, self.soon.date.isoformat())
        self.assertContains(response, "09:00")
        self.assertContains(response, "江州市禁毒教育基地")


class DrugFactIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        add_drug_fact(cls.tree.drug_facts, "海洛因", kind="traditional", street_names="白粉")
        add_drug_fact(
            cls.tree.drug_facts,
            "冰毒",
            street_names="冰",
            cover_image=make_image("冰毒图片"),
            gallery=[(make_image("冰毒晶体"), "晶体"), (make_image("冰毒吸食工具"), "吸食工具")],
        )

    def test_facts_grouped_by_kind(self):
        response = self.client.get(self.tree.drug_facts.url)
        groups = {
            kind: [fact.title for fact in facts]
            for kind, facts in response.context["groups"].items()
        }
        self.assertEqual(groups, {"传统毒品": ["海洛因"], "合成毒品": ["冰毒"]})

    def test_kinds_in_declared_order_not_by_code(self):
        add_drug_fact(self.tree.drug_facts, "芬太尼类物质", kind="nps")
        response = self.client.get(self.tree.drug_facts.url)
        self.assertEqual(
            list(response.context["groups"]), ["传统毒品", "合成毒品", "新精神活性物质"]
        )

    def test_gallery_images_with_captions(self):
        response = self.client.get("/drugs/冰毒/")
        self.assertContains(response, "<figcaption>晶体</figcaption>", html=True)
        self.assertContains(response, "<figcaption>吸食工具</figcaption>", html=True)
