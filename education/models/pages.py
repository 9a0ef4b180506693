"""The public content pages: home, news, campaigns, drug facts and events."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from education.blocks import BodyBlock
from education.chinese_search import ChineseSearchField, page_search_fields
from education.models.categories import ArticleCategory
from education.page_cache import CachedPageMixin
from education.page_routing import route_from

ARTICLES_PER_PAGE = 10


def _image_field(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class StoryPage(CachedPageMixin, Page):
    """A page with a summary and a cover image, shown in listings and when shared."""

    summary = models.TextField(
        _("摘要"), max_length=300, blank=True, help_text=_("列表和分享卡片中显示，不超过 300 字。")
    )
    cover_image = _image_field(_("封面图片"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("cover_image")]

    class Meta:
        abstract = True

    @property
    def share_image(self):
        return self.cover_image

    @property
    def share_description(self) -> str:
        return self.search_description or self.summary


class IndexPage(CachedPageMixin, Page):
    """A listing of its children, with an introduction."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields("intro")

    class Meta:
        abstract = True


class HomePage(CachedPageMixin, Page):
    """The site's front page: the current campaign, latest news, facts and events."""

    # The city's knowledge rate changes with every quiz handed in: a minute old at most.
    page_cache_seconds = 60

    hero_heading = models.CharField(_("主标语"), max_length=40, default="珍爱生命　远离毒品")
    hero_text = models.CharField(_("副标语"), max_length=120, blank=True)
    hero_image = _image_field(_("主视觉图片"))
    featured_campaign = models.ForeignKey(
        "education.CampaignPage",
        verbose_name=_("当前专题"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("主视觉"),
        ),
        FieldPanel("featured_campaign"),
    ]
    search_fields = page_search_fields("hero_heading", "hero_text")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "education.ArticleIndexPage",
        "education.CampaignIndexPage",
        "education.DrugFactIndexPage",
        "education.EventIndexPage",
        "education.QuizIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("首页")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_from(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = (
            ArticlePage.objects.live()
            .public()
            .select_related("cover_image")
            .order_by("-date", "-pk")[:6]
        )
        context["upcoming_events"] = EventPage.objects.live().public().upcoming()[:3]
        context["drug_facts"] = (
            DrugFactPage.objects.live().public().select_related("cover_image").order_by("path")[:4]
        )
        # The choice outlives the campaign's publication: never show a draft or a private one.
        context["featured_campaign"] = (
            CampaignPage.objects.live()
            .public()
            .select_related("cover_image")
            .filter(pk=self.featured_campaign_id)
            .first()
            if self.featured_campaign_id
            else None
        )
        return context


class ArticleIndexPage(IndexPage):
    """News and knowledge articles, filterable by tag and by publicity category."""

    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.ArticlePage"]

    class Meta:
        verbose_name = _("文章列表页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover_image")
            .prefetch_related("categories")
            .order_by("-date", "-pk")
        )
        # PostgreSQL refuses a NUL character in a query, and no tag can contain one.
        tag = request.GET.get("tag", "").replace("\x00", "").strip()
        if tag:
            articles = articles.filter(tags__name=tag)
        categories = list(ArticleCategory.objects.all())
        category = next((c for c in categories if c.slug == request.GET.get("category")), None)
        if category:
            articles = articles.filter(categories=category)
        page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            articles=page,
            categories=categories,
            current_category=category,
            current_tag=tag,
        )
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "education.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(StoryPage):
    """A news report or a knowledge article."""

    date = models.DateField(_("发布日期"), default=datetime.date.today)
    source = models.CharField(_("来源"), max_length=60, blank=True, default="市禁毒办")
    body = StreamField(BodyBlock(), verbose_name=_("正文"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("标签"))
    categories = ParentalManyToManyField(
        "education.ArticleCategory", blank=True, verbose_name=_("宣传阵地")
    )

    content_panels = StoryPage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("source")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("分类"),
        ),
    ]
    search_fields = page_search_fields("summary", "body") + [
        index.FilterField("date"),
        index.RelatedFields("tags", [ChineseSearchField("name")]),
    ]

    parent_page_types = ["education.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("文章")


class CampaignIndexPage(IndexPage):
    """All campaigns, the current ones first."""

    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.CampaignPage"]

    class Meta:
        verbose_name = _("专题列表页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = (
            CampaignPage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover_image")
            .order_by("-start_date")
        )
        return context


class CampaignPage(StoryPage):
    """A campaign such as 6·26国际禁毒日, with its theme, dates, articles and events."""

    theme = models.CharField(_("活动主题"), max_length=80)
    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("结束日期"))
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = StoryPage.content_panels + [
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("相关文章和活动")),
    ]
    search_fields = page_search_fields("theme", "summary", "body")

    parent_page_types = ["education.CampaignIndexPage"]
    subpage_types: list[str] = []
    # Publishing a campaign offers the editor a WeChat broadcast to followers.
    offers_wechat_broadcast = True

    class Meta:
        verbose_name = _("专题活动")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束日期不能早于开始日期。")})

    @property
    def is_running(self) -> bool:
        return self.start_date <= timezone.localdate() <= self.end_date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In the editor's order, and only what a visitor may open: live and not restricted.
        linked_ids = [link.page_id for link in self.related_pages.all()]
        articles = events = {}
        if linked_ids:
            articles = (
                ArticlePage.objects.live()
                .public()
                .filter(pk__in=linked_ids)
                .select_related("cover_image")
                .prefetch_related("categories")
                .in_bulk()
            )
            events = EventPage.objects.live().public().filter(pk__in=linked_ids).in_bulk()
        context["related_articles"] = [articles[pk] for pk in linked_ids if pk in articles]
        context["related_events"] = [events[pk] for pk in linked_ids if pk in events]
        return context


class CampaignRelatedPage(Orderable):
    campaign = ParentalKey(CampaignPage, related_name="related_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("页面"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", ["education.ArticlePage", "education.EventPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("相关页面")


class DrugFactIndexPage(IndexPage):
    """毒品图鉴: every drug-fact page, grouped by kind."""

    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.DrugFactPage"]

    class Meta:
        verbose_name = _("毒品图鉴")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facts = (
            DrugFactPage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover_image")
            .order_by("path")
        )
        # Kinds in the order they are declared (traditional, synthetic, new), not by code.
        groups: dict[str, list] = {str(label): [] for label in DrugFactPage.Kind.labels}
        for fact in facts:
            groups.setdefault(fact.get_kind_display(), []).append(fact)
        context["groups"] = {kind: facts for kind, facts in groups.items() if facts}
        return context


class DrugFactPage(StoryPage):
    """One drug: what it looks like, what it does, the harm and what the law says."""

    class Kind(models.TextChoices):
        TRADITIONAL = "traditional", _("传统毒品")
        SYNTHETIC = "synthetic", _("合成毒品")
        NEW_PSYCHOACTIVE = "nps", _("新精神活性物质")

    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    street_names = models.CharField(
        _("俗称"), max_length=200, blank=True, help_text=_("用顿号或逗号分隔，如：冰、麻古")
    )
    appearance = RichTextField(_("外观特征"), features=["bold", "ul", "link"])
    effects = RichTextField(_("作用与症状"), features=["bold", "ul", "link"])
    harms = RichTextField(_("危害"), features=["bold", "ul", "link"])
    legal_status = RichTextField(_("法律规定"), features=["bold", "ul", "link"])

    content_panels = StoryPage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("street_names")]),
        FieldPanel("appearance"),
        FieldPanel("effects"),
        FieldPanel("harms"),
        FieldPanel("legal_status"),
        InlinePanel("gallery", label=_("图片")),
    ]
    search_fields = page_search_fields(
        "street_names", "summary", "appearance", "effects", "harms", "legal_status"
    )

    parent_page_types = ["education.DrugFactIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("毒品知识")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = self.gallery.select_related("image")
        return context

    @property
    def street_name_list(self) -> list[str]:
        return [name for name in re.split(r"[、，,;；\s]+", self.street_names) if name]


class DrugFactImage(Orderable):
    page = ParentalKey(DrugFactPage, related_name="gallery", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("图片"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("图注"), max_length=120, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("图片")


class EventPageQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(date__gte=timezone.localdate()).order_by("date", "start_time")

    def past(self):
        return self.filter(date__lt=timezone.localdate()).order_by("-date", "-start_time")


class EventIndexPage(IndexPage):
    """Activities, upcoming first, then the past ones."""

    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.EventPage"]

    class Meta:
        verbose_name = _("活动列表页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).select_related("cover_image")
        context["upcoming_events"] = events.upcoming()
        past = events.past()
        context["past_events"] = Paginator(past, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class EventPage(StoryPage):
    """An activity with a date, time and place."""

    date = models.DateField(_("日期"))
    start_time = models.TimeField(_("开始时间"), null=True, blank=True)
    end_time = models.TimeField(_("结束时间"), null=True, blank=True)
    place = models.CharField(_("地点"), max_length=120)
    body = StreamField(BodyBlock(), verbose_name=_("活动介绍"), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = StoryPage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("place"),
        FieldPanel("body"),
    ]
    search_fields = page_search_fields("place", "summary", "body") + [
        index.FilterField("date"),
    ]

    parent_page_types = ["education.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("活动")

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("结束时间必须晚于开始时间。")})

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()
