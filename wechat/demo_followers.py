"""Demo followers of the Official Account, tagged by district and role, so broadcasts and
the admin listings have something realistic to show. Idempotent."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from wechat.models import Follower, FollowerTag

DISTRICTS = ["滨江区", "江北区", "城南区", "江州经济开发区"]
ROLES = ["教师", "学生家长", "市民"]
FOLLOWERS = 240
OPENID_PREFIX = "oDEMO"


@transaction.atomic
def load_demo_followers() -> int:
    """Create the demo tags and followers that are missing; return how many followers."""
    districts = [_tag(name, FollowerTag.Kind.DISTRICT) for name in DISTRICTS]
    roles = [_tag(name, FollowerTag.Kind.ROLE) for name in ROLES]
    existing = set(
        Follower.objects.filter(openid__startswith=OPENID_PREFIX).values_list("openid", flat=True)
    )
    chooser = random.Random(626)  # noqa: S311  (demo data, the same on every machine)
    now = timezone.now()
    created = 0
    for number in range(FOLLOWERS):
        openid = f"{OPENID_PREFIX}{number:06d}FollowerOpenId"
        district, role = chooser.choice(districts), chooser.choice(roles)
        days_ago = chooser.randint(1, 700)
        if openid in existing:
            continue
        follower = Follower.objects.create(
            openid=openid,
            subscribed=number % 12 != 0,
            subscribed_at=now - datetime.timedelta(days=days_ago),
            unsubscribed_at=None if number % 12 else now - datetime.timedelta(days=days_ago // 2),
        )
        follower.tags.set([district, role])
        created += 1
    return created


def _tag(name: str, kind: str) -> FollowerTag:
    tag, _created = FollowerTag.objects.get_or_create(name=name, defaults={"kind": kind})
    return tag
