"""Builders for a small, realistic site: a home page, its four sections and Chinese content.

Each test class builds what it needs once in ``setUpTestData`` with :func:`build_site` and
the ``add_*`` helpers, instead of copying page set-up from file to file.
"""

import datetime
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from education.models import (
    ArticleCategory,
    ArticleIndexPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPage,
    DrugFactImage,
    DrugFactIndexPage,
    DrugFactPage,
    EventIndexPage,
    EventPage,
    HomePage,
)

PASSWORD = "jindu-test-password-2024"

VIDEO_URL = "https://video.example.cn/play/626-jindu"
VIDEO_HTML = (
    '<iframe class="test-embed" src="https://video.example.cn/embed/626-jindu" '
    'width="640" height="360" title="6·26 禁毒宣传片"></iframe>'
)


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    news: ArticleIndexPage
    campaigns: CampaignIndexPage
    drug_facts: DrugFactIndexPage
    events: EventIndexPage


def today() -> datetime.date:
    return timezone.localdate()


def category(slug: str) -> ArticleCategory:
    """One of the six publicity categories that migration 0002 creates."""
    return ArticleCategory.objects.get(slug=slug)


def publish(page: Page) -> Page:
    """Publish through a revision, as the admin does, so publication dates are set."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site() -> SiteTree:
    """Replace Wagtail's welcome page by a home page with its four section pages."""
    root = Page.get_first_root_node()
    # Deleting the welcome page deletes the default site with it (root_page cascades).
    for page in root.get_children():
        page.delete()

    home = root.add_child(
        instance=HomePage(
            title="江州市禁毒宣传教育平台",
            slug="home",
            hero_heading="珍爱生命　远离毒品",
            hero_text="全市学生毒品知晓率目标 100%，禁毒教育基地向全市大中小学生免费开放。",
        )
    )
    site = Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="江州市禁毒宣传教育平台",
    )
    news = home.add_child(
        instance=ArticleIndexPage(
            title="禁毒资讯",
            slug="news",
            show_in_menus=True,
            intro="<p>市禁毒办发布的工作动态、宣传活动和禁毒知识。</p>",
        )
    )
    campaigns = home.add_child(
        instance=CampaignIndexPage(
            title="专题活动",
            slug="campaigns",
            show_in_menus=True,
            intro="<p>6·26国际禁毒日、青少年与合成毒品等专题宣传。</p>",
        )
    )
    drug_facts = home.add_child(
        instance=DrugFactIndexPage(
            title="毒品图鉴",
            slug="drugs",
            show_in_menus=True,
            intro="<p>认清毒品的样子、俗称和危害。</p>",
        )
    )
    events = home.add_child(
        instance=EventIndexPage(
            title="禁毒活动",
            slug="events",
            show_in_menus=True,
            intro="<p>教育基地开放日、禁毒讲座和社区宣传活动。</p>",
        )
    )
    return SiteTree(site, home, news, campaigns, drug_facts, events)


def make_image(title: str = "禁毒宣传图片", colour: str = "#c62828", size=(96, 64)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="jindu.png"))


def make_document(title: str = "禁毒知识手册") -> Document:
    return Document.objects.create(
        title=title,
        file=ContentFile("珍爱生命，远离毒品。".encode(), name="jindu-handbook.txt"),
    )


def make_video_embed(url: str = VIDEO_URL, html: str = VIDEO_HTML) -> Embed:
    """A cached embed, found by Wagtail's embed lookup (by URL hash) before any finder."""
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=html,
        title="6·26 禁毒宣传片",
        provider_name="示例视频平台",
        width=640,
        height=360,
    )


def paragraph(html: str):
    return ("paragraph", RichText(html))


def add_article(
    index: ArticleIndexPage,
    title: str,
    text: str = "",
    *,
    body=None,
    summary: str = "",
    date: datetime.date | None = None,
    categories: list[str] = (),
    tags: list[str] = (),
    cover_image: Image | None = None,
    live: bool = True,
) -> ArticlePage:
    """An article; ``text`` becomes its one paragraph unless a full ``body`` is given."""
    page = ArticlePage(
        title=title,
        summary=summary,
        date=date or today(),
        body=body if body is not None else [paragraph(f"<p>{text}</p>")],
        cover_image=cover_image,
        live=live,
    )
    index.add_child(instance=page)
    page.categories = [category(slug) for slug in categories]
    page.tags.add(*tags)
    if live:
        return publish(page)
    page.save_revision()
    return page


def add_campaign(index: CampaignIndexPage, title: str, *, related=(), **fields) -> CampaignPage:
    fields.setdefault("theme", "珍爱生命　远离毒品")
    fields.setdefault("start_date", today() - datetime.timedelta(days=7))
    fields.setdefault("end_date", today() + datetime.timedelta(days=30))
    page = index.add_child(instance=CampaignPage(title=title, **fields))
    page.related_pages = [CampaignRelatedPage(page=linked) for linked in related]
    return publish(page)


def add_drug_fact(index: DrugFactIndexPage, title: str, *, gallery=(), **fields) -> DrugFactPage:
    fields.setdefault("kind", DrugFactPage.Kind.SYNTHETIC)
    fields.setdefault("appearance", "<p>白色或透明的晶体。</p>")
    fields.setdefault("effects", "<p>使人兴奋、失眠、食欲下降。</p>")
    fields.setdefault("harms", "<p>损害大脑和心脏，极易成瘾。</p>")
    fields.setdefault(
        "legal_status", "<p>走私、贩卖、运输、制造毒品，无论数量多少都应当追究刑事责任。</p>"
    )
    page = index.add_child(instance=DrugFactPage(title=title, **fields))
    page.gallery = [DrugFactImage(image=image, caption=caption) for image, caption in gallery]
    return publish(page)


def add_event(index: EventIndexPage, title: str, *, days_ahead: int = 10, **fields) -> EventPage:
    fields.setdefault("place", "江州市禁毒教育基地")
    fields.setdefault("start_time", datetime.time(9, 0))
    fields.setdefault("end_time", datetime.time(10, 30))
    page = EventPage(title=title, date=today() + datetime.timedelta(days=days_ahead), **fields)
    index.add_child(instance=page)
    return publish(page)


def build_content(tree: SiteTree) -> dict:
    """A little of everything, as a visitor would find it."""
    cover = make_image("禁毒宣传封面")
    ice = add_article(
        tree.news,
        "青少年要警惕新型毒品伪装",
        "冰毒是一种合成毒品，学名甲基苯丙胺，吸食后极易成瘾。",
        summary="新型毒品常伪装成饮料、零食，青少年要提高警惕。",
        categories=["school"],
        tags=["合成毒品", "青少年"],
        cover_image=cover,
    )
    rehab = add_article(
        tree.news,
        "社区戒毒康复工作经验交流会召开",
        "各街道介绍社区戒毒和社区康复工作的做法，帮助戒毒人员回归社会。",
        date=today() - datetime.timedelta(days=3),
        categories=["community"],
        tags=["戒毒康复"],
    )
    draft = add_article(
        tree.news,
        "尚未发布的草稿",
        "草稿里提到海洛因，还没有审核。",
        live=False,
    )
    fact = add_drug_fact(
        tree.drug_facts,
        "冰毒（甲基苯丙胺）",
        street_names="冰、麻古",
        summary="最常见的合成毒品之一。",
    )
    event = add_event(tree.events, "禁毒教育基地开放日", summary="面向中小学生的开放参观。")
    campaign = add_campaign(
        tree.campaigns,
        "6·26国际禁毒日宣传月",
        theme="健康人生　绿色无毒",
        summary="全市开展禁毒宣传进校园、进社区活动。",
        related=[ice, event],
    )
    return {
        "cover": cover,
        "ice": ice,
        "rehab": rehab,
        "draft": draft,
        "fact": fact,
        "event": event,
        "campaign": campaign,
    }


def live_pages(tree: SiteTree, content: dict) -> list[Page]:
    """Every page that a visitor can reach in the tree built by ``build_content``."""
    return [
        tree.home,
        tree.news,
        tree.campaigns,
        tree.drug_facts,
        tree.events,
        content["ice"],
        content["rehab"],
        content["fact"],
        content["event"],
        content["campaign"],
    ]


def make_user(email: str = "teacher@example.cn", *, verified: bool = True, **fields):
    """A user who signs in with an email address, as django-allauth expects."""
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, **fields
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_superuser(email: str = "editor@example.cn"):
    return make_user(email, is_staff=True, is_superuser=True)
