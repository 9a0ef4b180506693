"""WeChat's reports on finished sends (MASSSENDJOBFINISH, TEMPLATESENDJOBFINISH), stored on
the outbox Message they belong to. The message's status is the delivery's and stays as is."""

from typing import Any

from django.utils.translation import gettext as _

from wechat.models import Message
from wechat.models.messages import Channel

MASS_COUNTS = ("TotalCount", "FilterCount", "SentCount", "ErrorCount")
USER_BLOCK = "failed:user block"


def record_mass_result(fields: dict[str, Any]) -> None:
    """Store the counts of a finished mass send under payload["result"]."""
    message = _message(Channel.MASS, fields)
    if message is None:
        return
    result = {"status": str(fields.get("Status") or "")}
    for name in MASS_COUNTS:
        value = fields.get(name)
        if isinstance(value, str) and value.isascii() and value.isdigit():
            result[name] = int(value)
    message.payload = {**message.payload, "result": result}
    message.save(update_fields=["payload"])


def record_template_result(fields: dict[str, Any]) -> None:
    """A template message WeChat accepted but could not deliver: say why on the message."""
    status = str(fields.get("Status") or "")
    if not status.startswith("failed"):
        return
    message = _message(Channel.TEMPLATE, fields)
    if message is None:
        return
    if status.replace(" ", "") == USER_BLOCK.replace(" ", ""):
        message.last_error = _("用户已拒收公众号消息，未送达。")
    else:
        message.last_error = _("微信报告未送达：%(status)s") % {"status": status}
    message.save(update_fields=["last_error"])


def _message(channel: str, fields: dict[str, Any]) -> Message | None:
    msgid = fields.get("MsgID") or fields.get("MsgId")
    if not isinstance(msgid, str) or not msgid:
        return None
    return (
        Message.objects.select_for_update()
        .filter(channel=channel, wechat_msgid=msgid)
        .order_by("pk")
        .first()
    )
