"""One send function per channel. Each sends a queued message's stored payload and returns
WeChat's message ID ("" when the channel has none); failures raise WeChatError.

Sends run in the delivery's worker threads and touch no database.
"""

import smtplib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wechat.client import get_client
from wechat.errors import Category, WeChatError
from wechat.models import Message
from wechat.models.messages import Channel

# Seconds to wait for the mail server when EMAIL_TIMEOUT is not set (Django waits forever,
# which would hang the delivery run and let the lease of the message run out).
EMAIL_TIMEOUT = 30


def send(message: Message) -> str:
    return SENDERS[message.channel](message.payload)


def send_template(payload: dict[str, Any]) -> str:
    return get_client().send_template(
        payload["touser"],
        payload["template_id"],
        payload["data"],
        url=payload.get("url", ""),
        client_msg_id=payload.get("client_msg_id", ""),
    )


def send_subscribe(payload: dict[str, Any]) -> str:
    client = get_client()
    client.send_subscribe(
        payload["touser"], payload["template_id"], payload["data"], page=payload.get("page", "")
    )
    return ""


def send_custom(payload: dict[str, Any]) -> str:
    get_client().send_text(payload["touser"], payload["text"])
    return ""


def send_mass(payload: dict[str, Any]) -> str:
    return get_client().mass_send_text(payload["touser"], payload["text"], payload["clientmsgid"])


def send_email(payload: dict[str, Any]) -> str:
    """The message by email, as plain text with an HTML alternative. A mail server that
    cannot be reached or refuses the message for now is a transient failure."""
    context = {"subject": payload["subject"], "body": payload["body"], "url": payload["url"]}
    try:
        send_mail(
            payload["subject"],
            render_to_string("wechat/email/message.txt", context),
            None,
            [payload["to"]],
            html_message=render_to_string("wechat/email/message.html", context),
            connection=get_connection(timeout=settings.EMAIL_TIMEOUT or EMAIL_TIMEOUT),
        )
    except (smtplib.SMTPException, OSError) as exc:
        message = _("邮件发送失败：%(error)s") % {"error": exc}
        raise WeChatError(None, message, Category.TRANSIENT) from exc
    return ""


SENDERS: dict[str, Callable[[dict[str, Any]], str]] = {
    Channel.TEMPLATE: send_template,
    Channel.SUBSCRIBE: send_subscribe,
    Channel.CUSTOM: send_custom,
    Channel.MASS: send_mass,
    Channel.EMAIL: send_email,
}
