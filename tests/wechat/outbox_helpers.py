"""Builders shared by the outbox and delivery tests."""

from django.db import transaction

from tests.factories import make_user
from wechat import kinds, outbox
from wechat.models import Follower, Message, MessageText
from wechat.models.messages import Channel

TEMPLATE_ID = "tpl-booking-confirmed"
SUBSCRIBE_ID = "sub-booking-confirmed"

BOOKING = kinds.register(
    kinds.Kind(
        key="test_booking",
        label="预约成功",
        fields=(
            ("thing1", "参观场馆", "{venue}"),
            ("time2", "参观时间", "{start}"),
            ("character_string3", "预约码", "{code}"),
            ("phrase4", "状态", "已确认"),
        ),
        email_subject="预约成功：{venue}",
        email_body="您预约的 {venue} 参观已确认，时间 {start}，预约码 {code}。",
        sample={"venue": "市禁毒教育基地", "start": "2024年6月26日 09:00", "code": "AB12CD"},
        url="/booking/{code}/",
        template_id=TEMPLATE_ID,
    )
)

# A kind that prefers 订阅通知 when the follower consented.
REMINDER = kinds.register(
    kinds.Kind(
        key="test_reminder",
        label="参观提醒",
        fields=(("thing1", "场馆", "{venue}"),),
        email_subject="参观提醒",
        email_body="明天参观 {venue}",
        sample={"venue": "基地"},
        channel=Channel.SUBSCRIBE,
        template_id=TEMPLATE_ID,
        subscribe_template_id=SUBSCRIBE_ID,
    )
)

CONTEXT = {"venue": "市禁毒教育基地", "start": "2024年6月26日 09:00", "code": "AB12CD"}


def follower(openid: str = "o-teacher", *, user=None, subscribed: bool = True, **fields):
    return Follower.objects.create(openid=openid, user=user, subscribed=subscribed, **fields)


def bound_user(email: str = "teacher@example.cn", openid: str = "o-teacher", **fields):
    user = make_user(email)
    follower(openid, user=user, **fields)
    return user


def queue(recipient, key: str, *, context=None, kind: str = BOOKING.key, **kwargs) -> Message:
    with transaction.atomic():
        return outbox.notify(recipient, kind, context or CONTEXT, key=key, **kwargs)


def queue_many(count: int, prefix: str = "o-") -> list[Message]:
    """``count`` template messages to as many subscribed followers, one per follower."""
    Follower.objects.bulk_create(
        [Follower(openid=f"{prefix}{n}", subscribed=True) for n in range(count)]
    )
    return [queue(f"{prefix}{n}", f"test:{prefix}{n}") for n in range(count)]


def edit_text(**fields) -> MessageText:
    return MessageText.objects.update_or_create(kind=BOOKING.key, defaults=fields)[0]


def sends_by_key(fake) -> dict[str, int]:
    """How many template sends the fake received per client_msg_id (accepted or not)."""
    counts: dict[str, int] = {}
    for call in fake.template_sends:
        key = call.body["client_msg_id"]
        counts[key] = counts.get(key, 0) + 1
    return counts


def delivered_keys(fake) -> list[str]:
    """client_msg_ids of the template messages WeChat accepted, duplicates left out."""
    return [
        call.body["client_msg_id"] for call in fake.delivered_to("/cgi-bin/message/template/send")
    ]
