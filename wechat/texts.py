"""The wording of messages: the editors' text for a kind, or its default, filled from a context.

Texts use ``{placeholders}`` named after the kind's sample context. Filling is done once,
when a message is queued, so editing a text later never changes a queued message. WeChat
template fields are then fitted to WeChat's limits (a ``thing`` is cut to 20 characters, a
``phrase`` keeps only Chinese characters …), so WeChat never refuses a value for its length.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wechat import kinds
from wechat.models import MessageText

PLACEHOLDER = re.compile(r"\{(\w+)\}")
ELLIPSIS = "…"
# Stands in for an empty value: WeChat refuses empty template fields.
EMPTY = "-"
EMPTY_PHRASE = "无"

_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NOT_CHINESE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]")
_NOT_ASCII_VISIBLE = re.compile(r"[^\x21-\x7e]")
_NOT_NUMBER = re.compile(r"[^\d.\-]")
_NOT_PHONE = re.compile(r"[^\d+\-()]")
_NOT_LETTER = re.compile(r"[^A-Za-z]")
_TIME = re.compile(r"^[\d年月日:：\-/ ~]*\d[\d年月日:：\-/ ~]*$")
_AMOUNT = re.compile(r"^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Wording:
    """The effective texts of a kind: the editors' where they wrote one, else the defaults."""

    kind: kinds.Kind
    fields: dict[str, str]
    email_subject: str
    email_body: str
    template_id: str
    subscribe_template_id: str


@dataclass(frozen=True)
class Rendered:
    data: dict[str, str]
    url: str
    email_subject: str
    email_body: str


def wording(kind: kinds.Kind, text: MessageText | None = None) -> Wording:
    """The texts of ``kind``; ``text`` is its MessageText row (looked up when not given)."""
    if text is None:
        text = MessageText.objects.filter(kind=kind.key).first()
    edited = text.fields if text else {}
    return Wording(
        kind=kind,
        fields={f.key: edited.get(f.key) or str(f.default) for f in kind.fields},
        email_subject=(text and text.email_subject) or str(kind.email_subject),
        email_body=(text and text.email_body) or str(kind.email_body),
        template_id=(text and text.template_id) or kind.template_id,
        subscribe_template_id=(text and text.subscribe_template_id) or kind.subscribe_template_id,
    )


def render(words: Wording, context: Mapping[str, Any]) -> Rendered:
    """Fill every text from ``context``; template fields are fitted to WeChat's limits."""
    return Rendered(
        data={f.key: fit(f.type, fill(words.fields[f.key], context)) for f in words.kind.fields},
        url=absolute_url(fill(words.kind.url, context, quote_values=True)),
        email_subject=" ".join(fill(words.email_subject, context).split()),
        email_body=fill(words.email_body, context),
    )


def fill(text: str, context: Mapping[str, Any], *, quote_values: bool = False) -> str:
    """Replace ``{name}`` by the context's value; a missing value leaves nothing."""

    def value(match: re.Match) -> str:
        formatted = format_value(context.get(match.group(1)))
        return quote(formatted) if quote_values else formatted

    return PLACEHOLDER.sub(value, str(text))


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def absolute_url(url: str) -> str:
    if url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def fit(field_type: str, value: str) -> str:
    """``value`` made acceptable for a WeChat field of ``field_type`` where that is possible."""
    value = " ".join(value.split())
    if field_type == "phrase":
        return _NOT_CHINESE.sub("", value)[:5] or EMPTY_PHRASE
    if field_type == "character_string":
        value = _NOT_ASCII_VISIBLE.sub("", value)[:32]
    elif field_type == "number":
        value = _NOT_NUMBER.sub("", value)[:32]
    elif field_type == "phone_number":
        value = _NOT_PHONE.sub("", value)[:17]
    elif field_type == "letter":
        value = _NOT_LETTER.sub("", value)[:32]
    elif field_type == "name":
        value = value[:10] if _CHINESE.search(value) else value[:20]
    elif field_type in ("thing", "const", "car_number"):
        value = _truncate(value, kinds.FIELD_TYPES[field_type][1])
    return value or EMPTY


def _truncate(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + ELLIPSIS


def breaks_limit(field_type: str, value: str) -> bool:
    """True when ``value`` breaks the field's limit in a way fitting would not repair
    without changing its meaning (or would not repair at all)."""
    value = " ".join(value.split())
    if not value:
        return True
    checks = {
        "phrase": lambda: bool(_NOT_CHINESE.search(value)) or len(value) > 5,
        "character_string": lambda: bool(_NOT_ASCII_VISIBLE.search(value)) or len(value) > 32,
        "number": lambda: not _NUMBER.match(value) or len(value) > 32,
        "phone_number": lambda: bool(_NOT_PHONE.search(value)) or len(value) > 17,
        "letter": lambda: bool(_NOT_LETTER.search(value)) or len(value) > 32,
        "const": lambda: len(value) > 20,
        "time": lambda: not _TIME.match(value),
        "date": lambda: not _TIME.match(value),
        "amount": lambda: not _AMOUNT.match(value),
    }
    check = checks.get(field_type)
    return bool(check and check())


def validate(
    kind: kinds.Kind, fields: Mapping[str, str], email_subject: str, email_body: str
) -> dict[str, list[str]]:
    """Errors in edited texts, by text: ``fields.<key>``, ``email_subject``, ``email_body``.

    Each text may only use the kind's placeholders; each template field, filled with the
    kind's sample, must suit its WeChat type.
    """
    errors: dict[str, list[str]] = {}
    texts = {f"fields.{key}": text for key, text in fields.items()}
    texts.update(email_subject=email_subject, email_body=email_body)
    for name, text in texts.items():
        unknown = sorted(set(PLACEHOLDER.findall(text or "")) - set(kind.sample))
        if unknown:
            errors.setdefault(name, []).append(_unknown_message(kind, unknown))
    for f in kind.fields:
        text = fields.get(f.key) or str(f.default)
        if f"fields.{f.key}" not in errors and breaks_limit(f.type, fill(text, kind.sample)):
            errors.setdefault(f"fields.{f.key}", []).append(limit_message(f))
    return errors


def limit_message(f: kinds.Field) -> str:
    return _("“%(label)s”（%(key)s）按示例填写后不符合微信的要求：须为%(limit)s。") % {
        "label": f.label,
        "key": f.key,
        "limit": kinds.FIELD_TYPES[f.type][0],
    }


def _unknown_message(kind: kinds.Kind, unknown: list[str]) -> str:
    available = "、".join(f"{{{name}}}" for name in sorted(kind.sample)) or _("无")
    return _("不认识的占位符：%(unknown)s。可用的占位符：%(available)s。") % {
        "unknown": "、".join(f"{{{name}}}" for name in unknown),
        "available": available,
    }
