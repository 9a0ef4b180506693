"""The registry of message kinds: what each kind of message says by default, field by field.

A kind is declared once in code, by the app that sends it (in its AppConfig.ready()); editors
may change its wording in the admin (MessageText). A WeChat template field's key starts with
its type (``thing1``, ``time2`` …), and the type decides WeChat's limit on its value.
"""

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from wechat.models.messages import Channel

# WeChat's typed template fields: type -> (description of the limit, max length or None).
FIELD_TYPES: dict[str, tuple[Any, int | None]] = {
    "thing": (_("20个以内字符"), 20),
    "character_string": (_("32位以内数字、字母或符号"), 32),
    "phrase": (_("5个以内汉字"), 5),
    "time": (_("时间格式，如“2024年6月26日 15:01”"), None),
    "date": (_("日期格式，如“2024年6月26日”"), None),
    "number": (_("32位以内数字，可带小数"), 32),
    "amount": (_("金额，如“¥100.00”或“100元”"), None),
    "phone_number": (_("17位以内数字或符号"), 17),
    "name": (_("10个以内汉字或20个以内字母"), 20),
    "const": (_("20个以内字符"), 20),
    "car_number": (_("8位以内车牌号"), 8),
    "letter": (_("32位以内字母"), 32),
}

_FIELD_KEY = re.compile(r"^([a-z_]+?)\d+$")


def field_type(wechat_key: str) -> str:
    """The type of a template field from its key: ``thing1`` → ``thing``."""
    match = _FIELD_KEY.match(wechat_key)
    if not match or match.group(1) not in FIELD_TYPES:
        raise ValueError(f"Unknown WeChat template field type: {wechat_key!r}")
    return match.group(1)


class Field(NamedTuple):
    """One WeChat template field: its key (e.g. ``thing1``), label and default text."""

    key: str
    label: Any
    default: Any

    @property
    def type(self) -> str:
        return field_type(self.key)


@dataclass(frozen=True)
class Kind:
    """A kind of message, with its default wording.

    ``sample`` holds an example context: the admin previews and validates texts with it, and
    its keys are the placeholders a text may use. ``channel`` is the WeChat channel the kind
    prefers: ``template``, or ``subscribe`` for 订阅通知 when the follower consented.
    """

    key: str
    label: Any
    fields: tuple[Field, ...]
    email_subject: Any
    email_body: Any
    sample: dict[str, Any] = field(default_factory=dict)
    url: str = ""
    channel: str = Channel.TEMPLATE
    template_id: str = ""
    subscribe_template_id: str = ""

    def __post_init__(self) -> None:
        fields = tuple(Field(*item) for item in self.fields)
        for item in fields:
            field_type(item.key)
        object.__setattr__(self, "fields", fields)
        if self.channel not in (Channel.TEMPLATE, Channel.SUBSCRIBE):
            raise ValueError(f"A kind prefers the template or subscribe channel: {self.channel!r}")


_registry: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Declare a kind; declaring the same key again replaces it (e.g. on module reload)."""
    _registry[kind.key] = kind
    return kind


def get(key: str) -> Kind:
    try:
        return _registry[key]
    except KeyError:
        raise LookupError(f"Unknown message kind: {key!r}") from None


def all_kinds() -> list[Kind]:
    return sorted(_registry.values(), key=lambda kind: kind.key)


# The kind the WeChat app sends itself: staff test the channel from the dashboard.
register(
    Kind(
        key="channel_test",
        label=_("渠道测试"),
        fields=(
            ("thing1", _("测试内容"), _("微信通知渠道测试")),
            ("time2", _("发送时间"), "{time}"),
        ),
        email_subject=_("通知渠道测试"),
        email_body=_("这是一条测试消息，发送于 {time}。收到即说明通知渠道工作正常。"),
        sample={"time": "2024年6月26日 15:01"},
    )
)
