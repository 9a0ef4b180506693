"""Public pages served to anonymous readers from a shared cache (the ``pages`` cache alias).

A campaign peak is mostly people without an account opening the same few pages, often from
a link shared in WeChat. The first reader of a page renders it; the rendering is stored and
every later reader gets those bytes without touching the database.

- **Which requests**: GET and HEAD without a session cookie and without a messages cookie
  (so never a logged-in or otherwise personalised visitor), whose query holds only the
  parameters the pages read (``KEPT_PARAMETERS``, one short value each of the expected
  form) plus the ones share links add (``DROPPED_PARAMETERS``, removed from the request
  before any view sees them). Anything else is served as if there were no cache.
- **Which responses are stored**: 200s of page models with ``CachedPageMixin``, served to an
  anonymous visitor, outside previews, setting no cookie (a response that used a CSRF token
  sets the CSRF cookie, so a form needing one is never stored with someone else's token)
  and not marked private.
- **Key**: scheme, host, language, path and the kept parameters.
- **Freshness**: each entry carries the generation it was rendered under; saving a page, a
  view restriction, a site, a site setting, a publicity category, an image or a document
  starts a new generation, so the next reader renders afresh (saving a draft or an edit lock
  does not: nothing public changed). Entries also expire after their page's
  ``page_cache_seconds`` and at local midnight (pages say what is upcoming).
- **Failures**: an error of the cache store is logged and the page served uncached.
- ``X-Cache: hit`` marks a response served from the cache, ``X-Cache: miss`` one just
  stored; responses the cache does not apply to carry no such header.
"""

import datetime
import hashlib
import logging
import re
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import post_page_move

from education.models.categories import ArticleCategory

logger = logging.getLogger(__name__)

ALIAS = "pages"
GENERATION_KEY = "generation"
HEADER = "X-Cache"
DEFAULT_SECONDS = 300
# The parameters pages read, with the values worth a cache entry: a visitor choosing others
# (page 10000000, a made-up tag) is served uncached rather than filling the cache with keys.
KEPT_PARAMETERS = {
    "page": re.compile(r"[1-9][0-9]{0,2}"),
    "tag": re.compile(r"[\w\- ]{1,40}"),
    "category": re.compile(r"[\w\-]{1,40}"),
}
# Added by WeChat to shared links, and campaign tracking: no page reads them.
DROPPED_PARAMETERS = frozenset(
    {"from", "isappinstalled", "scene", "subscene", "clicktime", "enterid"}
)
DROPPED_PREFIXES = ("utm_",)
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")
SETTINGS_MODELS = (BaseSiteSetting, BaseGenericSetting)
WATCHED_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    *SETTINGS_MODELS,
    ArticleCategory,
    AbstractImage,
    AbstractDocument,
)
# Saved by Wagtail while a page is rendered (a document's size, an image's hash; settings
# are created with their defaults when first read): no reader sees a difference, and a new
# generation for it would throw away the very rendering being stored.
# Also Wagtail's saves of a draft (a new revision, comments) and of an edit lock: nothing
# public changes until the page is published.
UNSEEN_FIELDS = frozenset(
    {
        "file_size",
        "file_hash",
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        COMMENTS_RELATION_NAME,
        "locked",
        "locked_by",
        "locked_at",
    }
)


class CachedPageMixin:
    """For page models that read the same to every anonymous visitor: their responses may
    be stored in the page cache for ``page_cache_seconds``.

    Pages behind a view restriction never get here for a visitor who has not passed it
    (Wagtail answers with a login or password page first), and one who has holds a session.
    """

    page_cache_seconds = DEFAULT_SECONDS

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False) and not request.user.is_authenticated:
            response.page_cache_seconds = self.page_cache_seconds
        return response


class PageCacheMiddleware:
    """Answers from the page cache and stores what ``CachedPageMixin`` pages render.

    Placed after the language middleware (the key needs the language) and before the CSRF,
    messages and authentication middleware, whose cookies it must see when storing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request_key(request) if settings.PAGE_CACHE else None
        if key is None:
            return self.get_response(request)
        cache = caches[ALIAS]
        try:
            generation, entry = _current(cache, key)
        except Exception:
            # The cache is an optimisation: whatever goes wrong in it, the page is rendered.
            logger.exception("Page cache lookup failed; serving uncached")
            return self.get_response(request)
        if entry is not None:
            return _from_entry(entry)
        response = self.get_response(request)
        if _storable(request, response):
            try:
                _store(cache, key, generation, response)
            except Exception:
                logger.exception("Page cache store failed; served uncached")
        return response


def shared_value(key: str, compute):
    """``compute()``'s value for every request, signed-in or not, until public content
    changes (the same generation as the pages): for what each page shows alike, such as the
    main menu. Computed afresh when the page cache is off or fails."""
    if not settings.PAGE_CACHE:
        return compute()
    cache = caches[ALIAS]
    try:
        generation, entry = _current(cache, key)
    except Exception:
        logger.exception("Page cache lookup failed; computed %s afresh", key)
        return compute()
    if entry is not None:
        return entry[1]
    value = compute()
    try:
        cache.set(key, (generation, value), DEFAULT_SECONDS)
    except Exception:
        logger.exception("Page cache store failed; %s not kept", key)
    return value


def _current(cache, key: str):
    """The generation now, and the entry under ``key`` if it was stored under it."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or _start_generation()
    entry = found.get(key)
    return generation, entry if entry is not None and entry[0] == generation else None


def request_key(request: HttpRequest) -> str | None:
    """The cache key of a request the page cache applies to, else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return None
    kept = _kept_query(request.GET)
    if kept is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view answers it as usual
    if kept.keys() != request.GET.keys():
        _drop_share_parameters(request, kept)
    text = "\n".join((request.scheme, host, request.LANGUAGE_CODE, request.path, kept.urlencode()))
    return "page:" + hashlib.sha256(text.encode()).hexdigest()


def _kept_query(query: QueryDict) -> QueryDict | None:
    """The parameters a page reads, in a fixed order; None if there is one no page knows."""
    kept = QueryDict(mutable=True)
    for name in sorted(query):
        values = query.getlist(name)
        if name in KEPT_PARAMETERS:
            if len(values) > 1 or not KEPT_PARAMETERS[name].fullmatch(values[0]):
                return None
            kept.setlist(name, values)
        elif name not in DROPPED_PARAMETERS and not name.startswith(DROPPED_PREFIXES):
            return None
    kept._mutable = False
    return kept


def _drop_share_parameters(request: HttpRequest, kept: QueryDict) -> None:
    # The rendering (the language switch's return address) then fits every reader of the key.
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        getattr(response, "page_cache_seconds", 0) > 0
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.session.modified
        and not any(word in control for word in UNCACHEABLE_CONTROLS)
    )


def _store(cache, key: str, generation: int, response: HttpResponse) -> None:
    entry = (generation, response.status_code, list(response.items()), response.content)
    cache.set(key, entry, _seconds_to_keep(response.page_cache_seconds))
    response[HEADER] = "miss"


def _seconds_to_keep(seconds: int) -> int:
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, min(seconds, int((midnight - now).total_seconds())))


def _from_entry(entry) -> HttpResponse:
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


def _start_generation() -> int:
    # From the clock: a generation lost to eviction never comes back as the same number.
    cache = caches[ALIAS]
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY) or time.time_ns()


def _next_generation() -> None:
    cache = caches[ALIAS]
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (never started, or evicted)
        _start_generation()


def _advance_generation() -> None:
    try:
        _next_generation()
    except Exception:
        # Never fail a save for it; entries still expire after their page's seconds.
        logger.exception("Page cache generation could not be advanced")


def invalidate() -> None:
    """Every stored page is out of date: a new generation now, and another one when the
    transaction commits, since a reader rendering meanwhile still sees the old rows."""
    if ALIAS not in settings.CACHES:
        return
    _advance_generation()
    transaction.on_commit(_advance_generation)


def _content_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, WATCHED_MODELS):
        return
    if created and isinstance(instance, SETTINGS_MODELS):
        return
    if update_fields and frozenset(update_fields) <= UNSEEN_FIELDS:
        return
    invalidate()


def _content_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, WATCHED_MODELS):
        invalidate()


def _page_moved(sender, **kwargs) -> None:
    invalidate()


def connect_signals() -> None:
    """What changes a public page: publishing, unpublishing, deleting and moving pages (a
    page is saved when published or unpublished), privacy, menus, settings and media."""
    post_save.connect(_content_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_deleted, dispatch_uid="page_cache_deleted")
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")
