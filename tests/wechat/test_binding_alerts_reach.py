"""WeChat alerts reach a user when WeChat is configured and the user's bound follower follows
the account; otherwise their messages go by email."""

import pytest
from django.utils import timezone

from tests.factories import make_user
from wechat.binding import AlertStatus, alert_status, unbind
from wechat.models import Follower

pytestmark = pytest.mark.django_db


def bound(user, subscribed=True) -> Follower:
    return Follower.objects.create(
        openid="o-teacher", subscribed=subscribed, user=user, bound_at=timezone.now()
    )


def test_bound_and_following_is_reached(configured):
    teacher = make_user()
    follower = bound(teacher)
    assert alert_status(teacher) == (AlertStatus.ON, follower)


def test_bound_but_not_following_is_not_reached(configured):
    teacher = make_user()
    follower = bound(teacher, subscribed=False)
    assert alert_status(teacher) == (AlertStatus.NOT_FOLLOWING, follower)


def test_not_bound_is_not_reached(configured):
    teacher = make_user()
    Follower.objects.create(openid="o-someone-else", subscribed=True)
    assert alert_status(teacher) == (AlertStatus.NOT_BOUND, None)


def test_without_wechat_configured_nobody_is_reached(settings):
    settings.WECHAT_APP_ID = ""
    teacher = make_user()
    follower = bound(teacher)
    assert alert_status(teacher) == (AlertStatus.NOT_CONFIGURED, follower)


def test_unbinding_stops_the_alerts(configured):
    teacher = make_user()
    bound(teacher)
    assert unbind(teacher) is True
    assert alert_status(teacher) == (AlertStatus.NOT_BOUND, None)
    follower = Follower.objects.get(openid="o-teacher")
    assert (follower.user, follower.bound_at, follower.subscribed) == (None, None, True)
    assert unbind(teacher) is False
