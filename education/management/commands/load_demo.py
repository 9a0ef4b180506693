"""``manage.py load_demo``: build the demo site with realistic Chinese content.

Idempotent: pages are found by slug under their parent, images and documents by title,
the admin account by username. Whatever already exists is left exactly as it is, so a
second run creates nothing and changes nothing; it only rebuilds the search index.
"""

import datetime
import hashlib
import io
import logging
import os
import uuid
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from education.management import demo_content as content
from education.management import demo_images
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
    PlatformSettings,
)

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.com"
DEFAULT_ADMIN_PASSWORD = "jindu-demo-2026"


def _admin_password() -> str:
    return os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD


INDEX_MODELS = {
    "ArticleIndexPage": ArticleIndexPage,
    "CampaignIndexPage": CampaignIndexPage,
    "DrugFactIndexPage": DrugFactIndexPage,
    "EventIndexPage": EventIndexPage,
}


class Command(BaseCommand):
    help = "载入演示内容：首页、栏目、新闻、专题、毒品图鉴、活动、图片、平台设置和管理员账号。"

    def handle(self, *args, **options):
        self.today = timezone.localdate()
        self.created: dict[str, int] = {}

        # Wagtail logs every page created and published; at normal verbosity that is noise.
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        if options["verbosity"] < 2:
            wagtail_log.setLevel(logging.WARNING)
        try:
            self.images = {key: self._image(spec) for key, spec in content.IMAGES.items()}
            self.documents = {key: self._document(spec) for key, spec in content.DOCUMENTS.items()}
            with transaction.atomic():
                self._pages()
                self._site_settings()
                admin_created = self._admin()
        finally:
            wagtail_log.setLevel(previous_level)

        call_command("update_index", stdout=io.StringIO())

        if options["verbosity"] == 0:
            return
        if self.created:
            summary = "，".join(f"{label} {count}" for label, count in self.created.items())
            self.stdout.write(self.style.SUCCESS(_("已新建：%(summary)s。") % {"summary": summary}))
        else:
            self.stdout.write(self.style.SUCCESS(_("演示内容已存在，未做任何修改。")))
        self.stdout.write(_("搜索索引已重建。"))
        self._print_login(admin_created)

    def _count(self, label: str) -> None:
        self.created[label] = self.created.get(label, 0) + 1

    def _image(self, spec: content.ImageSpec):
        image_model = get_image_model()
        existing = image_model.objects.filter(title=spec.title).order_by("pk").first()
        if existing:
            return existing
        data = demo_images.render_jpeg(
            spec.motif, spec.palette, size=spec.size, seed=spec.seed, caption=spec.caption
        )
        image = image_model(
            title=spec.title,
            file=ImageFile(io.BytesIO(data), name=f"jindu-demo-{spec.seed:02d}.jpg"),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's duplicate check
        )
        image.save()
        self._count(_("图片"))
        return image

    def _document(self, spec: content.DocumentSpec):
        document_model = get_document_model()
        existing = document_model.objects.filter(title=spec.title).order_by("pk").first()
        if existing:
            return existing
        if spec.text:
            # With a byte-order mark, browsers and Windows editors read the Chinese as UTF-8.
            data = spec.text.encode("utf-8-sig")
        else:
            data = demo_images.render_poster_pdf(spec.poster_caption)
        document = document_model(
            title=spec.title,
            file=ContentFile(data, name=spec.filename),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's duplicate check
        )
        document.save()
        self._count(_("文件"))
        return document

    def _stream(self, blocks: list) -> list[dict]:
        """StreamField data for the compact block tuples of ``demo_content``."""
        data = []
        for block in blocks:
            kind = block[0]
            if kind == "paragraph":
                value = block[1]
            elif kind == "image":
                image = self.images[block[1]]
                value = {
                    "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                    "caption": block[2],
                }
            elif kind == "quote":
                value = {"text": block[1], "attribution": block[2]}
            elif kind == "callout":
                value = {"tone": block[1], "heading": block[2], "text": block[3]}
            elif kind == "download":
                value = {"document": self.documents[block[1]].pk, "description": block[2]}
            else:
                raise ValueError(f"unknown demo block {kind!r}")
            data.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
        return data

    def _publish(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._count(_("页面"))
        return page

    def _existing(self, model, parent: Page, slug: str):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def _morning(self, day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    def _home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home:
            return home
        # Wagtail's welcome page (a plain Page under the root) makes way for ours; the Site
        # that pointed at it goes with it and is recreated below.
        welcome_pages = Page.objects.child_of(root).filter(
            content_type=ContentType.objects.get_for_model(Page)
        )
        for welcome in welcome_pages:
            welcome.delete()
        home = HomePage(
            title=settings.WAGTAIL_SITE_NAME,
            slug=content.HOME["slug"],
            hero_heading=content.HOME["hero_heading"],
            hero_text=content.HOME["hero_text"],
            hero_image=self.images[content.HOME["hero_image"]],
            search_description=content.HOME["search_description"],
        )
        return self._publish(root, home)

    def _site(self, home: HomePage) -> Site:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            # The site's address is what sitemap.xml, the feeds and shared links are built
            # from, so it is the one the demo is served at (SITE_URL; bin/demo sets it).
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site = Site.objects.create(
                hostname=address.hostname or "localhost",
                port=address.port or (443 if address.scheme == "https" else 80),
                root_page=home,
                site_name=settings.WAGTAIL_SITE_NAME,
                is_default_site=True,
            )
            self._count(_("站点"))
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
        return site

    def _pages(self) -> None:
        home = self._home()
        self.site = self._site(home)

        indexes = {}
        for spec in content.INDEXES:
            model = INDEX_MODELS[spec.model]
            page = self._existing(model, home, spec.slug) or self._publish(
                home, model(title=spec.title, slug=spec.slug, intro=spec.intro, show_in_menus=True)
            )
            indexes[spec.model] = page

        categories = {category.slug: category for category in ArticleCategory.objects.all()}
        related_targets: dict[str, Page] = {}

        news = indexes["ArticleIndexPage"]
        for spec in content.ARTICLES:
            page = self._existing(ArticlePage, news, spec.slug)
            if page is None:
                day = spec.when(self.today)
                page = ArticlePage(
                    title=spec.title,
                    slug=spec.slug,
                    date=day,
                    source=spec.source,
                    summary=spec.summary,
                    cover_image=self.images[spec.cover],
                    body=self._stream(spec.body),
                    categories=[categories[slug] for slug in spec.categories],
                    first_published_at=self._morning(day),
                )
                page.tags.add(*spec.tags)
                self._publish(news, page)
            related_targets[spec.slug] = page

        events = indexes["EventIndexPage"]
        for spec in content.EVENTS:
            page = self._existing(EventPage, events, spec.slug) or self._publish(
                events,
                EventPage(
                    title=spec.title,
                    slug=spec.slug,
                    date=spec.when(self.today),
                    start_time=spec.start,
                    end_time=spec.end,
                    place=spec.place,
                    summary=spec.summary,
                    cover_image=self.images[spec.cover],
                    body=self._stream(spec.body),
                ),
            )
            related_targets[spec.slug] = page

        facts = indexes["DrugFactIndexPage"]
        for spec in content.DRUG_FACTS:
            if self._existing(DrugFactPage, facts, spec.slug):
                continue
            self._publish(
                facts,
                DrugFactPage(
                    title=spec.title,
                    slug=spec.slug,
                    kind=spec.kind,
                    street_names=spec.street_names,
                    summary=spec.summary,
                    cover_image=self.images[spec.cover],
                    appearance=spec.appearance,
                    effects=spec.effects,
                    harms=spec.harms,
                    legal_status=spec.legal_status,
                    gallery=[
                        DrugFactImage(image=self.images[key], caption=caption)
                        for key, caption in spec.gallery
                    ],
                ),
            )

        campaigns = indexes["CampaignIndexPage"]
        featured = None
        for spec in content.CAMPAIGNS:
            page = self._existing(CampaignPage, campaigns, spec.slug)
            if page is None:
                start, end = spec.dates(self.today)
                page = self._publish(
                    campaigns,
                    CampaignPage(
                        title=spec.title,
                        slug=spec.slug,
                        theme=spec.theme,
                        start_date=start,
                        end_date=end,
                        summary=spec.summary,
                        cover_image=self.images[spec.cover],
                        body=self._stream(spec.body),
                        related_pages=[
                            CampaignRelatedPage(page=related_targets[slug]) for slug in spec.related
                        ],
                        first_published_at=self._morning(start),
                    ),
                )
            featured = featured or page

        if home.featured_campaign_id is None and featured is not None:
            home.featured_campaign = featured
            home.save_revision().publish()

    def _site_settings(self) -> None:
        """Fill the contact details that are still blank or at their model default."""
        platform = PlatformSettings.for_site(self.site)
        changed = False
        for name, value in content.SETTINGS.items():
            field = PlatformSettings._meta.get_field(name)
            current = getattr(platform, name)
            if current in ("", None, field.get_default()) and current != value:
                setattr(platform, name, value)
                changed = True
        if changed:
            platform.save()
            self._count(_("平台设置"))

    def _admin(self) -> bool:
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            return False
        user = user_model.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, _admin_password())
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "zh-hans"
        profile.save()
        EmailAddress.objects.create(user=user, email=ADMIN_EMAIL, verified=True, primary=True)
        self._count(_("管理员账号"))
        return True

    def _print_login(self, created: bool) -> None:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write("")
        self.stdout.write(_("内容管理后台：%(url)s") % {"url": admin_url})
        self.stdout.write(
            _("登录：用户名 %(username)s，密码 %(password)s")
            % {"username": ADMIN_USERNAME, "password": _admin_password()}
        )
        if not created:
            self.stdout.write(_("（管理员账号此前已存在，密码未被修改。）"))
