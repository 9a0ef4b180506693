"""What each message and event from WeChat does, and the reply it gets (None: "success").
Everything here is local database work: the callback must answer within five seconds."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from wechatpy.replies import BaseReply

from wechat import followers, replies, send_reports
from wechat.binding import bind_by_scene
from wechat.inbound import Inbound, as_list

SUBSCRIBE_SCENE_PREFIX = "qrscene_"
# Other user actions (opening a menu link, sharing a location…): they open the 48-hour
# 客服消息 window and need no reply. Events not listed (reports, unknown) touch no follower.
USER_EVENTS = {
    "view",
    "view_miniprogram",
    "location",
    "location_select",
    "scancode_push",
    "scancode_waitmsg",
    "pic_sysphoto",
    "pic_photo_or_album",
    "pic_weixin",
}
# 订阅通知 consent events and the element holding their List items.
CONSENT_EVENTS = {
    "subscribe_msg_popup_event": "SubscribeMsgPopupEvent",
    "subscribe_msg_change_event": "SubscribeMsgChangeEvent",
    "subscribe_msg_sent_event": "SubscribeMsgSentEvent",
}


def handle(message: Inbound) -> BaseReply | None:
    if message.msg_type != "event":
        followers.interacted(message.openid, timezone.now())
        if message.msg_type == "text":
            return replies.answer_text(_text(message.fields, "Content"), *_ends(message))
        return None
    if message.event in CONSENT_EVENTS:
        return _consent(message)
    if message.event in USER_EVENTS:
        followers.interacted(message.openid, timezone.now())
        return None
    handler = EVENTS.get(message.event)
    return handler(message) if handler else None


def _subscribe(message: Inbound) -> BaseReply:
    followers.subscribed(message.openid, timezone.now())
    scene = _text(message.fields, "EventKey").removeprefix(SUBSCRIBE_SCENE_PREFIX)
    bound = bind_by_scene(message.openid, scene) if scene else None
    greeting = _("感谢关注！珍爱生命，远离毒品。")
    if bound:
        return replies.text_reply(f"{greeting}\n{bound}", *_ends(message))
    return replies.help_reply(*_ends(message), greeting=greeting)


def _unsubscribe(message: Inbound) -> None:
    followers.unsubscribed(message.openid, timezone.now())


def _scan(message: Inbound) -> BaseReply | None:
    followers.interacted(message.openid, timezone.now())
    bound = bind_by_scene(message.openid, _text(message.fields, "EventKey"))
    return replies.text_reply(bound, *_ends(message)) if bound else None


def _click(message: Inbound) -> BaseReply | None:
    followers.interacted(message.openid, timezone.now())
    return replies.answer_click(_text(message.fields, "EventKey"), *_ends(message))


def _consent(message: Inbound) -> None:
    container = message.fields.get(CONSENT_EVENTS[message.event])
    items = as_list(container.get("List")) if isinstance(container, dict) else []
    followers.record_consent(message.openid, followers.consent_choices(message.event, items))


def _mass_finished(message: Inbound) -> None:
    send_reports.record_mass_result(message.fields)


def _template_finished(message: Inbound) -> None:
    send_reports.record_template_result(message.fields)


EVENTS: dict[str, Callable[[Inbound], BaseReply | None]] = {
    "subscribe": _subscribe,
    "unsubscribe": _unsubscribe,
    "scan": _scan,
    "click": _click,
    "masssendjobfinish": _mass_finished,
    "templatesendjobfinish": _template_finished,
}


def _ends(message: Inbound) -> tuple[str, str]:
    """Source and target of the reply: from the account back to the user."""
    return message.fields["ToUserName"], message.openid


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""
