"""Pages a visitor may not open (unpublished, or behind a view restriction) are never listed
by the pages that link to them: the home page's featured campaign, a campaign's related pages.
"""

from django.test import TestCase
from wagtail.models import PageViewRestriction

from tests.factories import add_article, add_campaign, add_event, build_site


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="jindu-staff"
    )


class FeaturedCampaignTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.campaign = add_campaign(
            cls.tree.campaigns, "内部筹备中的专题", summary="尚未对外公布的专题摘要。"
        )
        cls.tree.home.featured_campaign = cls.campaign
        cls.tree.home.save_revision().publish()

    def test_live_public_campaign_is_featured(self):
        self.assertContains(self.client.get("/"), "内部筹备中的专题")

    def test_unpublished_campaign_is_not_featured(self):
        self.campaign.unpublish()
        response = self.client.get("/")
        self.assertIsNone(response.context["featured_campaign"])
        self.assertNotContains(response, "内部筹备中的专题")
        self.assertNotContains(response, "尚未对外公布的专题摘要。")

    def test_private_campaign_is_not_featured(self):
        restrict(self.campaign)
        response = self.client.get("/")
        self.assertIsNone(response.context["featured_campaign"])
        self.assertNotContains(response, "内部筹备中的专题")


class CampaignRelatedPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.public_article = add_article(cls.tree.news, "公开的禁毒报道", "正文。")
        cls.private_article = add_article(cls.tree.news, "仅限内部的工作通报", "正文。")
        cls.withdrawn_article = add_article(cls.tree.news, "已撤回的报道", "正文。")
        cls.public_event = add_event(cls.tree.events, "公开的禁毒讲座")
        cls.private_event = add_event(cls.tree.events, "内部培训会")
        restrict(cls.private_article)
        restrict(cls.private_event)
        cls.withdrawn_article.unpublish()
        cls.campaign = add_campaign(
            cls.tree.campaigns,
            "6·26国际禁毒日宣传月",
            related=[
                cls.private_article,
                cls.public_event,
                cls.withdrawn_article,
                cls.public_article,
                cls.private_event,
            ],
        )

    def test_only_pages_a_visitor_may_open_in_the_editors_order(self):
        response = self.client.get(self.campaign.url)
        self.assertEqual(response.context["related_articles"], [self.public_article])
        self.assertEqual(response.context["related_events"], [self.public_event])
        for title in ["仅限内部的工作通报", "已撤回的报道", "内部培训会"]:
            self.assertNotContains(response, title)
