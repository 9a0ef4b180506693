"""Every page type can be created through the Wagtail admin form, where the tree allows it."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    DrugFactIndexPage,
    DrugFactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    QuizIndexPage,
)
from tests.factories import (
    VIDEO_URL,
    add_article,
    add_event,
    build_site,
    category,
    make_document,
    make_image,
    make_superuser,
    make_video_embed,
)

INDEX_MODELS = [
    ArticleIndexPage,
    CampaignIndexPage,
    DrugFactIndexPage,
    EventIndexPage,
    QuizIndexPage,
]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_goes_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, set(INDEX_MODELS))

    def test_each_index_page_goes_only_under_the_home_page(self):
        for model in INDEX_MODELS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})

    def test_each_index_page_holds_only_its_own_kind(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(DrugFactIndexPage, {DrugFactPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_content_pages_sit_under_their_index_and_have_no_children(self):
        pairs = [
            (ArticlePage, ArticleIndexPage),
            (CampaignPage, CampaignIndexPage),
            (DrugFactPage, DrugFactIndexPage),
            (EventPage, EventIndexPage),
        ]
        for child, parent in pairs:
            with self.subTest(model=child.__name__):
                self.assertAllowedParentPageTypes(child, {parent})
                self.assertAllowedSubpageTypes(child, set())

    def test_an_article_cannot_be_put_straight_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)


class CreateThroughAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.editor = make_superuser()
        cls.image = make_image("冰毒实物照片")
        cls.document = make_document("禁毒法全文")
        make_video_embed()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_home_page_under_the_root(self):
        # A site has one home page (max_count = 1), so the existing one goes first.
        self.tree.home.delete()
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data(
                {
                    "title": "江州市禁毒宣传教育平台",
                    "slug": "jindu",
                    "hero_heading": "珍爱生命　远离毒品",
                    "hero_text": "禁毒教育基地免费开放",
                    "hero_image": self.image.pk,
                }
            ),
        )
        home = HomePage.objects.get(slug="jindu")
        self.assertTrue(home.live)
        self.assertEqual(home.hero_image, self.image)

    def test_index_pages_under_the_home_page(self):
        for model, slug in [
            (ArticleIndexPage, "news-2"),
            (CampaignIndexPage, "campaigns-2"),
            (DrugFactIndexPage, "drugs-2"),
            (EventIndexPage, "events-2"),
        ]:
            with self.subTest(model=model.__name__):
                self.assertCanCreate(
                    self.tree.home,
                    model,
                    nested_form_data(
                        {
                            "title": f"栏目 {slug}",
                            "slug": slug,
                            "intro": rich_text("<p>本栏目发布<b>禁毒</b>内容。</p>"),
                        }
                    ),
                )
                page = model.objects.get(slug=slug)
                self.assertEqual(page.get_parent().specific, self.tree.home)
                self.assertIn("禁毒", page.intro)

    def test_article_with_every_block_categories_and_tags(self):
        data = nested_form_data(
            {
                "title": "学校禁毒教育宣传周启动",
                "slug": "school-week",
                "summary": "全市中小学同步开展禁毒教育宣传周。",
                "cover_image": self.image.pk,
                "date": "2025-06-20",
                "source": "市禁毒办",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>冰毒是一种合成毒品。</p>")),
                        (
                            "image",
                            {
                                "image": {
                                    "image": self.image.pk,
                                    "alt_text": "白色晶体状的冰毒",
                                    "decorative": "",
                                },
                                "caption": "冰毒实物",
                            },
                        ),
                        ("video", {"video": VIDEO_URL, "caption": "宣传片"}),
                        ("quote", {"text": "珍爱生命，远离毒品。", "attribution": "宣传语"}),
                        (
                            "callout",
                            {
                                "tone": "help",
                                "heading": "需要帮助？",
                                "text": rich_text("<p>拨打 110。</p>"),
                            },
                        ),
                        ("download", {"document": self.document.pk, "description": "全文"}),
                    ]
                ),
                "tags": "合成毒品, 校园",
            }
        )
        data["categories"] = [category("school").pk, category("family").pk]
        self.assertCanCreate(self.tree.news, ArticlePage, data)

        article = ArticlePage.objects.get(slug="school-week")
        self.assertEqual(article.date, datetime.date(2025, 6, 20))
        self.assertEqual(
            [block.block_type for block in article.body],
            ["paragraph", "image", "video", "quote", "callout", "download"],
        )
        self.assertEqual({c.slug for c in article.categories.all()}, {"school", "family"})
        self.assertEqual({t.name for t in article.tags.all()}, {"合成毒品", "校园"})

    def test_campaign_with_a_related_article(self):
        article = add_article(self.tree.news, "禁毒知识进校园", "冰毒危害大。")
        self.assertCanCreate(
            self.tree.campaigns,
            CampaignPage,
            nested_form_data(
                {
                    "title": "6·26国际禁毒日",
                    "slug": "626",
                    "theme": "健康人生　绿色无毒",
                    "start_date": "2025-06-01",
                    "end_date": "2025-06-30",
                    "body": streamfield([("paragraph", rich_text("<p>宣传月活动安排。</p>"))]),
                    "related_pages": inline_formset([{"page": article.pk}]),
                }
            ),
        )
        campaign = CampaignPage.objects.get(slug="626")
        self.assertEqual([link.page_id for link in campaign.related_pages.all()], [article.pk])

    def test_campaign_ending_before_it_starts_is_refused(self):
        with self.assertRaisesMessage(AssertionError, "end_date"):
            self.assertCanCreate(
                self.tree.campaigns,
                CampaignPage,
                nested_form_data(
                    {
                        "title": "日期错误的专题",
                        "slug": "bad-dates",
                        "theme": "禁毒",
                        "start_date": "2025-06-30",
                        "end_date": "2025-06-01",
                        "body": streamfield([]),
                        "related_pages": inline_formset([]),
                    }
                ),
            )

    def test_drug_fact_with_a_gallery(self):
        self.assertCanCreate(
            self.tree.drug_facts,
            DrugFactPage,
            nested_form_data(
                {
                    "title": "冰毒",
                    "slug": "ice",
                    "kind": "synthetic",
                    "street_names": "冰、麻古",
                    "appearance": rich_text("<p>白色晶体。</p>"),
                    "effects": rich_text("<p>兴奋、失眠。</p>"),
                    "harms": rich_text("<p>损害大脑。</p>"),
                    "legal_status": rich_text("<p>列入管制。</p>"),
                    "gallery": inline_formset([{"image": self.image.pk, "caption": "晶体"}]),
                }
            ),
        )
        fact = DrugFactPage.objects.get(slug="ice")
        self.assertEqual(fact.street_name_list, ["冰", "麻古"])
        self.assertEqual(
            [(g.image_id, g.caption) for g in fact.gallery.all()], [(self.image.pk, "晶体")]
        )

    def test_event(self):
        self.assertCanCreate(
            self.tree.events,
            EventPage,
            nested_form_data(
                {
                    "title": "教育基地开放日",
                    "slug": "open-day",
                    "date": "2025-06-26",
                    "start_time": "09:00",
                    "end_time": "10:30",
                    "place": "江州市禁毒教育基地",
                    "body": streamfield([("paragraph", rich_text("<p>欢迎预约参观。</p>"))]),
                }
            ),
        )
        event = EventPage.objects.get(slug="open-day")
        self.assertEqual(event.start_time, datetime.time(9, 0))
        self.assertEqual(event.place, "江州市禁毒教育基地")

    def test_event_created_under_the_home_page_is_refused(self):
        add_event(self.tree.events, "已有活动")
        with self.assertRaises(AssertionError):
            self.assertCanCreate(
                self.tree.home,
                EventPage,
                nested_form_data(
                    {"title": "放错位置的活动", "date": "2025-06-26", "place": "基地"}
                ),
            )
