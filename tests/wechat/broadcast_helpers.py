"""Followers, tags and past broadcasts for the broadcast, admin and dashboard tests."""

import datetime
import itertools

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from tests.factories import make_user
from wechat.models import Broadcast, BroadcastRecipient, Follower, FollowerTag, Message

_numbers = itertools.count(1)


def openid() -> str:
    return f"oBroadcast{next(_numbers):018d}"


def follower(*tags: FollowerTag, subscribed: bool = True) -> Follower:
    made = Follower.objects.create(openid=openid(), subscribed=subscribed)
    made.tags.add(*tags)
    return made


def followers(count: int, *tags: FollowerTag) -> list[Follower]:
    made = Follower.objects.bulk_create(
        [Follower(openid=openid(), subscribed=True) for _ in range(count)]
    )
    for tag in tags:
        tag.followers.add(*made)
    return made


def tag(name: str, kind: str = FollowerTag.Kind.DISTRICT) -> FollowerTag:
    return FollowerTag.objects.create(name=name, kind=kind)


def draft(*tags: FollowerTag, page=None, text: str = "6·26国际禁毒日，一起来答题。") -> Broadcast:
    broadcast = Broadcast.objects.create(
        title="禁毒日答题提醒", text=text, to_all=not tags, page=page
    )
    broadcast.tags.add(*tags)
    return broadcast


def received(who: Follower, count: int, when: datetime.datetime | None = None, status=None):
    """Record that ``who`` got ``count`` earlier broadcasts at ``when`` (default now)."""
    when = when or timezone.now()
    for _ in range(count):
        past = Broadcast.objects.create(
            title="往期提醒", text="往期内容", to_all=True, status=Broadcast.Status.DONE
        )
        batch = Message.objects.create(
            kind="mass",
            channel="mass",
            broadcast=past,
            idempotency_key=f"broadcast:{past.pk}:1",
            status=status or Message.Status.SENT,
            next_attempt_at=when,
        )
        BroadcastRecipient.objects.create(
            broadcast=past, follower=who, message=batch, created_at=when
        )


def editor(email: str, *codenames: str):
    """A Wagtail editor (admin access) holding the given wechat permissions."""
    user = make_user(email)
    group = Group.objects.create(name=f"editors-{email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="wechat", codename__in=codenames),
    )
    user.groups.add(group)
    return user
