"""The outbox: the one way other apps queue a message to a person.

A message is a row written in the caller's transaction, so it exists exactly when the event
that causes it was committed; the delivery task sends it after the commit, with retries.
Each message carries the caller's idempotency key: the same event queued twice is one message.
"""

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wechat import conf, kinds, texts
from wechat.followers import ACCEPT, spend_consent
from wechat.models import Broadcast, ChannelPause, Follower, Message, messages
from wechat.models.messages import Channel
from wechat.tasks import kick

MASS_MAX = 10_000
MASS_MIN = 2
CLIENT_MSG_ID_MAX = 64


class OutboxError(ValueError):
    """A message cannot be queued or changed; the message says why, in Chinese."""


def notify(
    recipient: AbstractBaseUser | str,
    kind: str,
    context: Mapping[str, Any],
    *,
    key: str,
    not_after: datetime | None = None,
) -> Message:
    """Queue a message of ``kind`` to a user or a follower's OpenID; returns its row.

    Call it inside the transaction that records the event: the row is written there and
    delivery starts once it commits. A second call with the same ``key`` returns the first
    message and changes nothing. The message goes by WeChat to a user with a subscribed
    follower (when WeChat is configured), else by email, else it is stored as failed with the
    reason. Its content is rendered now, so editing a text later does not change it.
    """
    key = stored_key(key)
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing:
        return existing
    with transaction.atomic():  # holds the lock on a one-time opt-in until it is spent
        message = _route(recipient, kinds.get(kind), context)
        message.idempotency_key = key
        message.not_after = not_after
        return _save(message)


def queue_mass(
    openids: list[str], text: str, *, key: str, broadcast: Broadcast | None = None
) -> Message:
    """Queue one WeChat mass text to 2–10,000 followers (one batch of a broadcast)."""
    if not MASS_MIN <= len(openids) <= MASS_MAX:
        raise OutboxError(
            _("群发一次须有 %(min)s 至 %(max)s 位接收者，现有 %(count)s 位。")
            % {"min": MASS_MIN, "max": MASS_MAX, "count": len(openids)}
        )
    if not text.strip():
        raise OutboxError(_("群发内容不能为空。"))
    key = stored_key(key)
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing:
        return existing
    message = Message(
        kind="mass",
        channel=Channel.MASS,
        broadcast=broadcast,
        idempotency_key=key,
        payload={"touser": list(openids), "text": text, "clientmsgid": client_msg_id(key)},
    )
    return _save(message)


RETRYABLE = (Message.Status.FAILED, Message.Status.HELD, Message.Status.EXPIRED)
CANCELLABLE = (Message.Status.PENDING, Message.Status.HELD)


def retry(message: Message) -> Message:
    """Send a failed, held or expired message again now; its attempts so far are kept.

    An expired message gets no deadline any more: staff asked for it explicitly. A held one
    takes its kind's template ID as it is now (see ``resume``).
    """
    _use_current_template_ids(Message.objects.filter(pk=message.pk, status=Message.Status.HELD))
    message.refresh_from_db(fields=["payload"])
    now = timezone.now()
    changes: dict[str, Any] = {
        "status": Message.Status.PENDING,
        "next_attempt_at": now,
        "lease_until": None,
    }
    if message.not_after and message.not_after < now:
        changes["not_after"] = None
    refusal = _("只能重试失败、已暂停或已过期的消息（当前：%(status)s）。")
    _change(message, RETRYABLE, changes, refusal)
    kick_on_commit()
    return message


def cancel(message: Message) -> Message:
    """Cancel a message waiting to be sent; one being sent right now cannot be cancelled."""
    now = timezone.now()
    if message.lease_until and message.lease_until > now:
        raise OutboxError(_("这条消息正在发送，无法取消。"))
    _change(
        message,
        CANCELLABLE,
        {"status": Message.Status.CANCELLED, "lease_until": None},
        _("只能取消待发送或已暂停的消息（当前：%(status)s）。"),
        Q(lease_until__isnull=True) | Q(lease_until__lt=now),
    )
    return message


def resume(pause: ChannelPause) -> int:
    """Lift a pause (staff fixed the configuration) and send its held messages again.

    Held messages take their kind's template ID as it is now: a wrong ID (40037) is fixed
    by editing the kind's text, and the messages held for it must not carry the old one.
    Returns how many held messages were queued again.
    """
    with transaction.atomic():
        pause.delete()
        held = Message.objects.filter(status=Message.Status.HELD, channel=pause.channel)
        if pause.kind:
            held = held.filter(kind=pause.kind)
        _use_current_template_ids(held)
        count = held.update(
            status=Message.Status.PENDING, next_attempt_at=timezone.now(), lease_until=None
        )
    kick_on_commit()
    return count


def _use_current_template_ids(held: QuerySet[Message]) -> None:
    current: dict[tuple[str, str], str] = {}
    changed = []
    wechat = held.filter(channel__in=(Channel.TEMPLATE, Channel.SUBSCRIBE))
    for message in wechat.only("pk", "kind", "channel", "payload"):
        key = (message.kind, message.channel)
        if key not in current:
            current[key] = _template_id(*key)
        if current[key] and message.payload.get("template_id") != current[key]:
            message.payload["template_id"] = current[key]
            changed.append(message)
    Message.objects.bulk_update(changed, ["payload"], batch_size=500)


def _template_id(kind: str, channel: str) -> str:
    try:
        words = texts.wording(kinds.get(kind))
    except LookupError:  # a kind no longer declared: the stored ID stays
        return ""
    return words.subscribe_template_id if channel == Channel.SUBSCRIBE else words.template_id


def client_msg_id(key: str) -> str:
    """The idempotency key as WeChat takes it (at most 64 characters)."""
    if len(key) <= CLIENT_MSG_ID_MAX:
        return key
    return hashlib.sha256(key.encode()).hexdigest()


def kick_on_commit() -> None:
    transaction.on_commit(kick)


# --- routing ------------------------------------------------------------------------------


def _route(recipient: AbstractBaseUser | str, kind: kinds.Kind, context: Mapping) -> Message:
    follower, user = _recipient(recipient)
    if follower is None and user is None:
        return Message(
            kind=kind.key,
            channel=Channel.TEMPLATE,
            status=Message.Status.FAILED,
            payload={"touser": recipient},
            last_error=_("收件人不是本公众号的关注者"),
        )
    words = texts.wording(kind)
    rendered = texts.render(words, context)
    email = (getattr(user, "email", "") or "").strip()
    message = Message(kind=kind.key, follower=follower, user=user)
    wechat_channel, reason = _wechat_channel(follower, words)
    if wechat_channel:
        message.channel = wechat_channel
        message.payload = _wechat_payload(wechat_channel, follower, words, rendered)
        if email:
            message.payload["fallback_email"] = _email_payload(email, rendered)
    elif email:
        message.channel = Channel.EMAIL
        message.email = email
        message.payload = _email_payload(email, rendered)
    else:
        message.channel = Channel.TEMPLATE if follower else Channel.EMAIL
        message.status = Message.Status.FAILED
        message.last_error = _("%(reason)s，且没有邮箱") % {"reason": reason}
        message.payload = {"data": rendered.data, "url": rendered.url}
    return message


def _recipient(recipient: AbstractBaseUser | str) -> tuple[Follower | None, Any]:
    if isinstance(recipient, str):
        follower = Follower.objects.select_related("user").filter(openid=recipient).first()
        return follower, follower and follower.user
    follower = Follower.objects.filter(user=recipient).first()
    return follower, recipient


def _wechat_channel(follower: Follower | None, words: texts.Wording) -> tuple[str | None, str]:
    """The WeChat channel for this follower and kind, or None and the reason why not."""
    if not conf.is_configured():
        return None, _("微信公众号未配置")
    if follower is None:
        return None, _("该用户未绑定微信")
    if not follower.subscribed:
        return None, _("该用户未关注公众号")
    subscribe_id = words.subscribe_template_id
    if (
        words.kind.channel == Channel.SUBSCRIBE
        and subscribe_id
        and _consented(follower, subscribe_id)
    ):
        return Channel.SUBSCRIBE, ""
    if words.template_id:
        return Channel.TEMPLATE, ""
    return None, _("该消息类型未设置微信模板ID")


def _consented(follower: Follower, template_id: str) -> bool:
    """Read under a row lock kept to the end of the caller's transaction: two messages
    queued at the same moment cannot both go out on one one-time opt-in."""
    locked = Follower.objects.select_for_update().filter(pk=follower.pk)
    subscriptions = locked.values_list("subscriptions", flat=True).first() or {}
    return subscriptions.get(template_id) == ACCEPT


def _wechat_payload(
    channel: str, follower: Follower, words: texts.Wording, rendered: texts.Rendered
) -> dict[str, Any]:
    if channel == Channel.SUBSCRIBE:
        return {
            "touser": follower.openid,
            "template_id": words.subscribe_template_id,
            "data": rendered.data,
            "page": rendered.url,
        }
    return {
        "touser": follower.openid,
        "template_id": words.template_id,
        "data": rendered.data,
        "url": rendered.url,
    }


def _email_payload(email: str, rendered: texts.Rendered) -> dict[str, str]:
    return {
        "to": email,
        "subject": rendered.email_subject,
        "body": rendered.email_body,
        "url": rendered.url,
    }


# --- storage ------------------------------------------------------------------------------


def stored_key(key: str) -> str:
    if not key:
        raise OutboxError(_("缺少幂等键。"))
    return messages.stored_key(key)


def _save(message: Message) -> Message:
    """Insert the row in a savepoint: a concurrent duplicate leaves the caller's transaction
    usable and returns the row that won."""
    message.next_attempt_at = timezone.now()
    if message.channel == Channel.TEMPLATE and message.status == Message.Status.PENDING:
        message.payload["client_msg_id"] = client_msg_id(message.idempotency_key)
    try:
        with transaction.atomic():
            message.save(force_insert=True)
    except IntegrityError:
        existing = Message.objects.filter(idempotency_key=message.idempotency_key).first()
        if existing is None:
            raise
        return existing
    if message.status == Message.Status.PENDING:
        if message.channel == Channel.SUBSCRIBE:
            spend_consent(message.follower, message.payload["template_id"])
        kick_on_commit()
    return message


def _change(
    message: Message,
    allowed: tuple[str, ...],
    changes: dict[str, Any],
    refusal: str,
    condition: Q | None = None,
) -> None:
    """Apply ``changes`` only if the row is still in an ``allowed`` state (checked in the
    database, so a worker recording a result at the same moment is not overwritten)."""
    rows = Message.objects.filter(pk=message.pk, status__in=allowed)
    if condition is not None:
        rows = rows.filter(condition)
    if not rows.update(**changes):
        message.refresh_from_db()
        if message.lease_until and message.lease_until > timezone.now():
            raise OutboxError(_("这条消息正在发送，无法更改。"))
        raise OutboxError(refusal % {"status": message.get_status_display()})
    for name, value in changes.items():
        setattr(message, name, value)
