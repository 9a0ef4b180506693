"""Sending the outbox: claim due messages under a lease, send them, record what happened.

A batch is claimed in a short transaction (``select_for_update(skip_locked=True)``, so
workers never wait for each other nor take the same rows) that sets a lease and counts the
attempt. The sends run outside any transaction in a thread pool; each outcome is recorded
only if the row still holds the lease this worker took, so a message whose lease ran out and
was claimed again is never recorded twice. A worker killed after its claim leaves a lease
that runs out: the message is then claimed again and sent with the same idempotency key.

What a failure does depends on WeChat's error category (see ``wechat.errors``): transient
failures back off and retry, quota and rate limits pause the channel, an unfollowed user is
marked and not retried, a configuration error holds the message, pauses its kind and alerts
staff once.
"""

import logging
import random
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.mail import mail_admins
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Min, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from wechat import transports
from wechat.errors import Category, NotConfigured, WeChatError
from wechat.models import ChannelPause, Follower, Message
from wechat.models.messages import Channel, stored_key

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
# The longest one send may take (waiting for the token lock, fetching the token, the send,
# one refresh and the send again, each under its timeout). A send is started only while at
# least this much of the lease is left, so no send outlives its lease and runs twice.
SEND_TIME_MAX = timedelta(seconds=60)
MAX_ATTEMPTS = 12
BACKOFF_FIRST = 30  # seconds; doubles with each attempt
BACKOFF_CAP = 3600
RATE_LIMIT_PAUSE = timedelta(seconds=60)
RECORD_EVERY = 50  # outcomes recorded per transaction
BEIJING = ZoneInfo("Asia/Shanghai")
WECHAT_CHANNELS = (Channel.TEMPLATE, Channel.SUBSCRIBE, Channel.CUSTOM)
PENDING = Message.Status.PENDING

Clock = Callable[[], datetime]


@dataclass
class Counts:
    """What one delivery run did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    held: int = 0
    expired: int = 0
    lost: int = 0  # outcomes not recorded: the lease had passed to another worker
    released: int = 0  # not sent: too little of the lease was left; claimed again at once
    unrecorded: int = 0  # recording the failure failed; the message is tried after its lease

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def deliver_due(
    *,
    batch_size: int = 200,
    threads: int = 16,
    now: datetime | None = None,
    on_lease: Callable[[datetime], None] | None = None,
) -> Counts:
    """Send every message due, batch after batch, until none is left; returns the counts.

    ``now`` fixes the clock (tests). ``on_lease`` is called with each batch's lease expiry
    before the batch is sent, so that a run can be scheduled after it in case this one dies.
    """
    clock: Clock = (lambda: now) if now else timezone.now
    counts = Counts()
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wechat-send") as pool:
        while True:
            counts.expired += expire_overdue(clock())
            lease, batch = claim(clock(), batch_size)
            if not batch:
                return counts
            if on_lease:
                on_lease(lease)
            _send_batch(pool, batch, lease, clock, counts)


def due(now: datetime) -> QuerySet[Message]:
    """Messages that may be claimed at ``now``: pending, due, not leased, in time, not paused."""
    rows = Message.objects.filter(status=PENDING, next_attempt_at__lte=now).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now),
        Q(not_after__isnull=True) | Q(not_after__gte=now),
    )
    for channel, kind in active_pauses(now).values_list("channel", "kind"):
        rows = rows.exclude(channel=channel, **({"kind": kind} if kind else {}))
    return rows


def active_pauses(now: datetime) -> QuerySet[ChannelPause]:
    return ChannelPause.objects.filter(Q(paused_until__isnull=True) | Q(paused_until__gt=now))


def claim(now: datetime, size: int) -> tuple[datetime, list[Message]]:
    """Lease up to ``size`` due messages for this worker; returns the lease and the rows."""
    lease = now + LEASE
    rows = due(now)
    with transaction.atomic():
        ids = list(
            rows.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return lease, []
        # The conditions are checked again in the update: on SQLite, which has no row locks,
        # this is what keeps two workers from taking the same row.
        rows.filter(pk__in=ids).update(lease_until=lease, attempts=F("attempts") + 1)
    claimed = Message.objects.filter(pk__in=ids, lease_until=lease).select_related("follower")
    return lease, list(claimed.order_by("next_attempt_at", "pk"))


def expire_overdue(now: datetime) -> int:
    """Pending messages past their deadline (and not being sent) become expired."""
    overdue = Message.objects.filter(status=PENDING, not_after__lt=now).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )
    return overdue.update(
        status=Message.Status.EXPIRED,
        lease_until=None,
        last_error=_("超过最晚发送时间，未发送。"),
    )


def next_run_after(now: datetime) -> datetime | None:
    """When a message not sendable now becomes sendable: a retry time, a lease running out,
    or a pause ending. None when nothing waits (or only behind pauses staff must lift)."""
    pending = Message.objects.filter(status=PENDING)
    times = [
        pending.filter(next_attempt_at__gt=now).aggregate(t=Min("next_attempt_at"))["t"],
        pending.filter(lease_until__gt=now).aggregate(t=Min("lease_until"))["t"],
    ]
    if pending.exists():
        times.append(
            active_pauses(now)
            .filter(paused_until__isnull=False)
            .aggregate(t=Min("paused_until"))["t"]
        )
    return min((t for t in times if t), default=None)


# --- sending ------------------------------------------------------------------------------


def _send_batch(
    pool: ThreadPoolExecutor, batch: list[Message], lease: datetime, clock: Clock, counts: Counts
) -> None:
    outcomes: list[tuple[Message, str | Exception]] = []
    futures: dict[Future, Message] = {}
    for message in batch:
        if _unfollowed(message):
            outcomes.append((message, WeChatError(43004, _("用户已取消关注公众号"))))
        else:
            futures[pool.submit(_send_within_lease, message, lease, clock)] = message
    for future in as_completed(futures):
        outcomes.append((futures[future], _result(future)))
        if len(outcomes) >= RECORD_EVERY:
            _record(outcomes, lease, clock(), counts)
            outcomes = []
    _record(outcomes, lease, clock(), counts)


def _unfollowed(message: Message) -> bool:
    """Known unfollowed already: no call to WeChat, which would only answer 43004."""
    follower = message.follower
    return message.channel in WECHAT_CHANNELS and follower is not None and not follower.subscribed


class _LeaseEnding(Exception):
    """Not sent: the lease would run out before the send could finish."""


def _send_within_lease(message: Message, lease: datetime, clock: Clock) -> str:
    if clock() > lease - SEND_TIME_MAX:
        raise _LeaseEnding
    return transports.send(message)


def _result(future: Future) -> str | Exception:
    exc = future.exception()
    if exc is None:
        return future.result()
    if not isinstance(exc, WeChatError | _LeaseEnding):
        logger.error("Unexpected error sending a message", exc_info=exc)
    return exc


def _record(
    outcomes: Iterable[tuple[Message, str | Exception]],
    lease: datetime,
    now: datetime,
    counts: Counts,
) -> None:
    sent = {m.pk: result for m, result in outcomes if not isinstance(result, Exception)}
    with transaction.atomic():
        if sent:
            recorded = _record_sent(sent, lease, now)
            counts.sent += recorded
            counts.lost += len(sent) - recorded
        for message, result in outcomes:
            if isinstance(result, Exception):
                counts.add(_record_failure(message, result, lease, now))


def _record_failure(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    """Apply the error table to one failed send, in a savepoint: a handler that breaks (a
    bug, an odd payload) neither rolls back the batch's sends nor stops the run."""
    try:
        with transaction.atomic():
            return _apply(message, error, lease, now)
    except Exception:
        logger.exception("Message %s: recording the failure failed; retrying it", message.pk)
    try:
        with transaction.atomic():
            return _transient(message, error, lease, now)
    except Exception:
        logger.exception("Message %s: left to be claimed again after its lease", message.pk)
        return "unrecorded"


def _record_sent(msgids: dict[int, str], lease: datetime, now: datetime) -> int:
    """Successful sends, recorded in one statement (rows still under ``lease`` only)."""
    mine = Message.objects.filter(pk__in=msgids, lease_until=lease, status=PENDING)
    return mine.update(
        status=Message.Status.SENT,
        sent_at=now,
        lease_until=None,
        last_error="",
        wechat_msgid=Case(*(When(pk=pk, then=Value(msgid)) for pk, msgid in msgids.items())),
    )


def _apply(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    """Record one failed send; returns the Counts field it belongs to."""
    if isinstance(error, _LeaseEnding):
        return _finish(message, lease, "released", attempts=F("attempts") - 1)
    if isinstance(error, NotConfigured):
        reason = _("微信公众号未配置，消息已暂停；配置后可在后台重试。")
        return _finish(message, lease, "held", status=Message.Status.HELD, last_error=reason)
    category = error.category if isinstance(error, WeChatError) else Category.TRANSIENT
    return _HANDLERS.get(category, _failed)(message, error, lease, now)


def _finish(message: Message, lease: datetime, outcome: str, **changes) -> str:
    """Update the row if it still holds ``lease``; else the outcome is someone else's."""
    changes.setdefault("lease_until", None)
    mine = Message.objects.filter(pk=message.pk, lease_until=lease, status=PENDING)
    if mine.update(**changes):
        return outcome
    logger.warning("Message %s: lease lost before recording %s", message.pk, outcome)
    return "lost"


def _error_text(error: Exception) -> str:
    return str(error) or type(error).__name__


def _transient(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    text = _error_text(error)
    if message.attempts >= MAX_ATTEMPTS:
        reason = _("尝试 %(n)s 次仍未成功：%(error)s") % {"n": message.attempts, "error": text}
        return _finish(message, lease, "failed", status=Message.Status.FAILED, last_error=reason)
    at = now + backoff(message.attempts)
    if message.not_after and at > message.not_after:
        reason = _("最晚发送时间前未能发出：%(error)s") % {"error": text}
        return _finish(message, lease, "expired", status=Message.Status.EXPIRED, last_error=reason)
    return _finish(message, lease, "retrying", next_attempt_at=at, last_error=text)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … up to an hour, a little less at random so retries spread out."""
    seconds = min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_CAP)
    return timedelta(seconds=seconds * random.uniform(0.8, 1.0))  # noqa: S311 (not security)


def _daily_quota(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    until = next_midnight(now)
    reason = _("今日调用次数已用完（45009），北京时间零点后自动恢复。")
    pause_channel(message.channel, until, 45009, reason)
    return _wait(message, error, lease, until)


def _rate_limited(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    until = now + RATE_LIMIT_PAUSE
    reason = _("调用过于频繁（45011），一分钟后自动恢复。")
    pause_channel(message.channel, until, 45011, reason)
    return _wait(message, error, lease, until)


def _wait(message: Message, error: Exception, lease: datetime, until: datetime) -> str:
    """Back to the queue until ``until``; the attempt is not counted (the channel was full)."""
    return _finish(
        message,
        lease,
        "retrying",
        next_attempt_at=until,
        attempts=F("attempts") - 1,
        last_error=_error_text(error),
    )


def next_midnight(now: datetime) -> datetime:
    tomorrow = now.astimezone(BEIJING).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=BEIJING)


def pause_channel(channel: str, until: datetime, code: int, reason: str) -> None:
    """Pause a whole channel until ``until``; a longer pause already there is kept."""
    pause, created = _get_or_create_pause(
        channel, "", {"paused_until": until, "error_code": code, "reason": reason}
    )
    if not created and pause.paused_until is not None and pause.paused_until < until:
        ChannelPause.objects.filter(pk=pause.pk).update(
            paused_until=until, error_code=code, reason=reason
        )


def _unfollowed_user(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    openid = message.payload.get("touser")
    Follower.objects.filter(openid=openid, subscribed=True).update(
        subscribed=False, unsubscribed_at=now
    )
    reason = _("用户未关注公众号（43004），不再重试。")
    outcome = _finish(message, lease, "failed", status=Message.Status.FAILED, last_error=reason)
    if outcome == "failed" and message.payload.get("fallback_email"):
        _queue_email_instead(message, now)
    return outcome


def _queue_email_instead(message: Message, now: datetime) -> None:
    """The same content, as rendered when it was queued, by email."""
    payload = message.payload["fallback_email"]
    email = Message(
        kind=message.kind,
        channel=Channel.EMAIL,
        user_id=message.user_id,
        email=payload["to"],
        payload=payload,
        idempotency_key=stored_key(f"{message.idempotency_key}:email"),
        next_attempt_at=now,
        not_after=message.not_after,
    )
    try:
        with transaction.atomic():
            email.save(force_insert=True)
    except IntegrityError:
        pass  # queued already


def _config(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    code = getattr(error, "code", None)
    reason = _("配置错误：%(error)s。请检查该消息类型的模板ID与字段，修正后恢复发送。") % {
        "error": _error_text(error)
    }
    pause, created = _get_or_create_pause(
        message.channel, message.kind, {"paused_until": None, "error_code": code, "reason": reason}
    )
    if created or pause.paused_until is not None:
        ChannelPause.objects.filter(pk=pause.pk).update(
            paused_until=None, error_code=code, reason=reason
        )
        transaction.on_commit(lambda: _alert(message, reason))
    return _finish(message, lease, "held", status=Message.Status.HELD, last_error=reason)


def _alert(message: Message, reason: str) -> None:
    subject = _("微信消息发送已暂停：%(kind)s") % {"kind": message.kind}
    logger.error("%s — %s", subject, reason)
    mail_admins(subject, reason, fail_silently=True)


def _get_or_create_pause(channel: str, kind: str, defaults: dict) -> tuple[ChannelPause, bool]:
    try:
        with transaction.atomic():
            return ChannelPause.objects.get_or_create(channel=channel, kind=kind, defaults=defaults)
    except IntegrityError:  # created by another worker at the same moment
        return ChannelPause.objects.get(channel=channel, kind=kind), False


def _failed(message: Message, error: Exception, lease: datetime, now: datetime) -> str:
    return _finish(
        message, lease, "failed", status=Message.Status.FAILED, last_error=_error_text(error)
    )


_HANDLERS = {
    Category.TRANSIENT: _transient,
    Category.TOKEN: _transient,  # the client already refreshed the token once
    Category.DAILY_QUOTA: _daily_quota,
    Category.RATE_LIMITED: _rate_limited,
    Category.UNFOLLOWED: _unfollowed_user,
    Category.CONFIG: _config,
    Category.DROP: _failed,
    Category.OTHER: _failed,
}
