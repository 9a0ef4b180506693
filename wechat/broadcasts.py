"""Campaign alerts to followers through WeChat's mass send, in batches of OpenIDs.

A service account reaches each follower at most four times a calendar month (Beijing
time); followers who already got four are left out before anything is queued.
"""

import datetime
import math
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.translation import gettext as _

from wechat import conf, outbox
from wechat.models import Broadcast, BroadcastRecipient, Follower, Message

MONTHLY_CAP = 4
# WeChat's mass send by OpenID list takes 2 to 10,000 OpenIDs per call.
BATCH_SIZE = 10_000
MIN_BATCH = 2
BEIJING = ZoneInfo("Asia/Shanghai")
# Batches whose followers got (or will get) the message; the others do not count.
COUNTED_STATUSES = [Message.Status.PENDING, Message.Status.HELD, Message.Status.SENT]
OPEN_STATUSES = [Message.Status.PENDING, Message.Status.HELD]
RETRYABLE_STATUSES = [Message.Status.FAILED, Message.Status.EXPIRED]
START_LOCK = 0x5745_4348_4154  # PostgreSQL advisory lock held while a broadcast starts


class BroadcastError(Exception):
    """A broadcast cannot be sent or changed; the message says why, for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Preview:
    text: str
    recipients: int
    capped: int


@dataclass(frozen=True)
class Batch:
    number: int
    message: Message
    followers: int
    result: dict | None

    @property
    def is_failed(self) -> bool:
        return self.message.status in RETRYABLE_STATUSES


@dataclass(frozen=True)
class Progress:
    batches: list[Batch]
    sent: int
    reached: int
    confirmed: int | None

    @property
    def total(self) -> int:
        return len(self.batches)

    @property
    def failed(self) -> list[Batch]:
        return [batch for batch in self.batches if batch.is_failed]

    @property
    def is_open(self) -> bool:
        return any(batch.message.status in OPEN_STATUSES for batch in self.batches)


def full_text(broadcast: Broadcast) -> str:
    """The text as followers will read it: the linked page's address goes at the end."""
    text = broadcast.text.strip()
    url = broadcast.page.full_url if broadcast.page else None
    return f"{text}\n{url}" if url else text


def month_start(now: datetime.datetime | None = None) -> datetime.datetime:
    local = (now or timezone.now()).astimezone(BEIJING)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def target_followers(broadcast: Broadcast) -> QuerySet[Follower]:
    """Subscribed followers the broadcast addresses, whatever they received this month."""
    followers = Follower.objects.filter(subscribed=True)
    if broadcast.to_all:
        return followers
    tagged = Follower.tags.through.objects.filter(followertag__broadcasts=broadcast)
    return followers.filter(pk__in=tagged.values("follower_id"))


def capped_follower_ids(now: datetime.datetime | None = None) -> QuerySet:
    """IDs of followers who already received the monthly number of broadcasts."""
    return (
        BroadcastRecipient.objects.filter(
            created_at__gte=month_start(now), message__status__in=COUNTED_STATUSES
        )
        .values("follower_id")
        .annotate(received=Count("pk"))
        .filter(received__gte=MONTHLY_CAP)
        .values("follower_id")
    )


def preview(broadcast: Broadcast) -> Preview:
    target = target_followers(broadcast)
    capped = capped_follower_ids()
    return Preview(
        text=full_text(broadcast),
        recipients=target.exclude(pk__in=capped).count(),
        capped=target.filter(pk__in=capped).count(),
    )


def start_broadcast(broadcast: Broadcast, by_user: AbstractBaseUser | None) -> Broadcast:
    """Queue the broadcast's batches and record its recipients, all or nothing.

    Starting a broadcast that is no longer a draft changes nothing.
    """
    with transaction.atomic():
        locked = Broadcast.objects.select_for_update().get(pk=broadcast.pk)
        if locked.status != Broadcast.Status.DRAFT:
            return locked
        if not conf.is_configured():
            raise BroadcastError(_("微信公众号尚未配置，无法群发。"))
        _one_start_at_a_time()
        capped = capped_follower_ids()
        target = target_followers(locked)
        followers = list(target.exclude(pk__in=capped).order_by("pk").values_list("pk", "openid"))
        # Counted now: once this broadcast's recipients are recorded, those at three this
        # month would count as capped too.
        capped_count = target.filter(pk__in=capped).count()
        if len(followers) < MIN_BATCH:
            raise BroadcastError(_("符合条件的关注者少于两位，微信群发至少需要两位接收者。"))
        text = full_text(locked)
        for number, batch in enumerate(_batches(followers), start=1):
            message = outbox.queue_mass(
                [openid for _pk, openid in batch],
                text,
                key=f"broadcast:{locked.pk}:{number}",
                broadcast=locked,
            )
            BroadcastRecipient.objects.bulk_create(
                [
                    BroadcastRecipient(broadcast=locked, follower_id=pk, message=message)
                    for pk, _openid in batch
                ],
                batch_size=1000,
            )
        locked.status = Broadcast.Status.SENDING
        locked.recipients = len(followers)
        locked.capped = capped_count
        locked.started_at = timezone.now()
        locked.started_by = by_user
        locked.save()
    return locked


def _one_start_at_a_time() -> None:
    """Wait for any other broadcast being started: each counts the month's receipts the
    other is recording. SQLite's write transactions run one at a time already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [START_LOCK])


def _batches(items: list) -> list[list]:
    """Even batches of at most BATCH_SIZE, so that no batch falls under MIN_BATCH."""
    count = math.ceil(len(items) / BATCH_SIZE)
    bounds = [round(index * len(items) / count) for index in range(count + 1)]
    return [items[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]


def progress(broadcast: Broadcast) -> Progress:
    """Each batch with its state and WeChat's job result (once WeChat reported it)."""
    sizes = dict(
        broadcast.recipient_rows.values_list("message_id").annotate(size=Count("pk")).order_by()
    )
    messages = (
        broadcast.messages.defer("payload")
        .annotate(result=KeyTransform("result", "payload"))
        .order_by("pk")
    )
    batches = [
        Batch(number, message, sizes.get(message.pk, 0), message.result or None)
        for number, message in enumerate(messages, start=1)
    ]
    sent = [batch for batch in batches if batch.message.status == Message.Status.SENT]
    results = [batch.result for batch in sent if batch.result]
    return Progress(
        batches=batches,
        sent=len(sent),
        reached=sum(batch.followers for batch in sent),
        confirmed=sum(int(result.get("SentCount", 0)) for result in results) if results else None,
    )


def settle(broadcast: Broadcast) -> Broadcast:
    """Mark a broadcast done once no batch waits, or sending again after a retry."""
    if broadcast.status not in (Broadcast.Status.SENDING, Broadcast.Status.DONE):
        return broadcast
    waiting = broadcast.messages.filter(status__in=OPEN_STATUSES).exists()
    status = Broadcast.Status.SENDING if waiting else Broadcast.Status.DONE
    if status != broadcast.status:
        Broadcast.objects.filter(pk=broadcast.pk, status=broadcast.status).update(status=status)
        broadcast.status = status
    return broadcast


def cancel_broadcast(broadcast: Broadcast) -> int:
    """Cancel the batches not sent yet; returns how many were cancelled."""
    with transaction.atomic():
        locked = Broadcast.objects.select_for_update().get(pk=broadcast.pk)
        if locked.status != Broadcast.Status.SENDING:
            raise BroadcastError(_("只有发送中的群发可以取消。"))
        cancelled = 0
        for message in locked.messages.filter(status__in=OPEN_STATUSES).defer("payload"):
            try:
                outbox.cancel(message)
            except outbox.OutboxError:
                continue  # being sent right now: it goes out, the others stop
            cancelled += 1
        if not cancelled:
            raise BroadcastError(_("没有可以取消的批次：它们已经发出或正在发送。"))
        locked.status = Broadcast.Status.CANCELLED
        locked.save(update_fields=["status"])
    return cancelled


def retry_batch(broadcast: Broadcast, message_id: int) -> Message:
    """Queue a failed batch again, under the same idempotency key."""
    with transaction.atomic():
        locked = Broadcast.objects.select_for_update().get(pk=broadcast.pk)
        if locked.status == Broadcast.Status.CANCELLED:
            raise BroadcastError(_("群发已取消，不能重试。"))
        message = locked.messages.defer("payload").filter(pk=message_id).first()
        if message is None or message.status not in RETRYABLE_STATUSES:
            raise BroadcastError(_("只有失败的批次可以重试。"))
        try:
            outbox.retry(message)
        except outbox.OutboxError as error:
            raise BroadcastError(str(error)) from error
        Broadcast.objects.filter(pk=locked.pk).update(status=Broadcast.Status.SENDING)
    return message
