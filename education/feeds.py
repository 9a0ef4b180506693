"""RSS and Atom feeds of the latest articles."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from education.models import ArticlePage

FEED_SIZE = 20


class ArticleFeed(Feed):
    title = _("禁毒新闻与知识")
    description = _("市禁毒办发布的禁毒新闻、宣传活动与毒品知识。")

    def get_object(self, request, *args, **kwargs):
        return Site.find_for_request(request)

    def link(self, site):
        return site.root_url + "/" if site else "/"

    def items(self, site):
        articles = (
            ArticlePage.objects.live()
            .public()
            .prefetch_related("categories")
            .order_by("-date", "-pk")
        )
        if site:
            articles = articles.descendant_of(site.root_page)
        return articles[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.share_description

    def item_link(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description
