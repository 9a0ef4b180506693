"""Answers to keywords and custom-menu clicks: a link card into the site, a text, or the
list of keywords."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page
from wechatpy.replies import ArticlesReply, BaseReply, TextReply

from wechat.models import KeywordReply
from wechat.models.replies import HELP_WORDS

logger = logging.getLogger(__name__)

CLICK_PREFIX = "reply:"
CARD_IMAGE = "fill-360x200"


def answer_text(content: str, source: str, target: str) -> BaseReply:
    """The reply to a text message: the matching keyword reply, else the list of keywords."""
    word = content.strip().casefold()
    if word not in {w.casefold() for w in HELP_WORDS}:
        for reply in KeywordReply.objects.filter(active=True).select_related("page", "image"):
            if word in {w.casefold() for w in reply.keyword_list}:
                return render(reply, source, target)
    return help_reply(source, target)


def answer_click(event_key: str, source: str, target: str) -> BaseReply | None:
    """The reply to a custom-menu click whose key is reply:<id>, or None for other keys."""
    number = event_key.removeprefix(CLICK_PREFIX)
    if not event_key.startswith(CLICK_PREFIX) or not (number.isascii() and number.isdigit()):
        return None
    reply = (
        KeywordReply.objects.filter(active=True, pk=int(number))
        .select_related("page", "image")
        .first()
    )
    return render(reply, source, target) if reply else help_reply(source, target)


def help_text() -> str:
    """The keywords editors defined, one line each, e.g. 回复「答题」：参加禁毒知识答题."""
    lines = [
        _("回复「%(word)s」：%(title)s") % {"word": reply.keyword_list[0], "title": reply.title}
        for reply in KeywordReply.objects.filter(active=True)
        if reply.keyword_list
    ]
    if not lines:
        return _("感谢您的留言，我们会尽快处理。")
    return "\n".join([_("您可以回复以下关键词："), *lines, _("回复「帮助」查看本列表。")])


def help_reply(source: str, target: str, greeting: str = "") -> TextReply:
    text = f"{greeting}\n\n{help_text()}" if greeting else help_text()
    return text_reply(text, source, target)


def text_reply(text: str, source: str, target: str) -> TextReply:
    return TextReply(source=source, target=target, content=_cdata_safe(text))


def render(reply: KeywordReply, source: str, target: str) -> BaseReply:
    """A link card when the reply points somewhere, else its text."""
    link = reply.link
    if not link:
        return text_reply(reply.text, source, target)
    article = {
        "title": _cdata_safe(reply.title),
        "description": _cdata_safe(reply.text),
        "url": _cdata_safe(link),
        "image": _cdata_safe(_image_url(reply)),
    }
    return ArticlesReply(source=source, target=target, articles=[article])


def ensure_default_replies(
    site_root_page: Page, links: dict[str, str] | None = None
) -> list[KeywordReply]:
    """Create the usual keyword replies (once) pointing at the site's section pages: 知识,
    新闻, 活动, 答题 at the quizzes, and 预约 at the campaigns. ``links`` maps a keyword to
    the absolute address it should open instead (an app that is not a page, such as
    booking, passes its own). They make a ready custom menu: 答题, 预约, and 更多 with the
    three sections."""
    links = links or {}
    more = _("更多")
    defaults = [
        (
            "答题",
            _("参加禁毒知识答题"),
            _("测一测你的禁毒知识，答题通过可获得证书。"),
            "",
            ("quizindexpage", "campaignindexpage"),
        ),
        (
            "预约",
            _("预约参观禁毒教育基地"),
            _("学校和个人均可预约参观禁毒教育基地。"),
            "",
            ("campaignindexpage",),
        ),
        ("知识", _("毒品图鉴"), _("认清毒品的样子、俗称和危害。"), more, ("drugfactindexpage",)),
        ("新闻", _("禁毒资讯"), _("市禁毒办的工作动态和宣传活动。"), more, ("articleindexpage",)),
        (
            "活动",
            _("禁毒活动"),
            _("教育基地开放日、禁毒讲座和社区宣传活动。"),
            more,
            ("eventindexpage",),
        ),
    ]
    replies = []
    for order, (word, title, text, group, models) in enumerate(defaults):
        taken = [r for r in KeywordReply.objects.all() if word in r.keyword_list]
        if taken:
            replies.append(taken[0])
            continue
        replies.append(
            KeywordReply.objects.create(
                keywords=word,
                title=title,
                text=text,
                page=None if word in links else _section(site_root_page, models),
                url=links.get(word, ""),
                menu_label=title if group else word,
                menu_group=group,
                menu_order=order,
            )
        )
    return replies


def _section(site_root_page: Page, models: tuple[str, ...]) -> Page | None:
    """The first page under the site root of the first of ``models`` (model names) that has
    one; the wechat app does not import the content app."""
    for model in models:
        page = (
            Page.objects.descendant_of(site_root_page)
            .filter(content_type__in=ContentType.objects.filter(model=model))
            .order_by("path")
            .first()
        )
        if page is not None:
            return page
    return None


def _image_url(reply: KeywordReply) -> str:
    image = reply.image or (
        getattr(reply.page.specific, "share_image", None) if reply.page else None
    )
    if image is None:
        return ""
    try:
        return image.get_rendition(CARD_IMAGE).full_url
    except Exception:  # a missing or broken file must not cost the user the answer
        logger.exception("No rendition for keyword reply %s", reply.pk)
        return ""


def _cdata_safe(text: str) -> str:
    """wechatpy writes values into CDATA sections as they are."""
    return (text or "").replace("]]>", "]]]]><![CDATA[>")
