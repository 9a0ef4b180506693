"""Scanning a binding QR code, as a new follower or an existing one, binds the account."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.wechat.callback_requests import OPENID, event, post, reply
from wechat.models import BindingCode, Follower

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


@pytest.fixture
def teacher():
    user = make_user()
    BindingCode.objects.create(
        user=user, code="k7Qm2x", expires_at=timezone.now() + datetime.timedelta(minutes=10)
    )
    return user


def test_following_through_the_binding_code_binds(client, teacher):
    answer = reply(post(client, event("subscribe", EventKey="qrscene_bind:k7Qm2x", Ticket="t")))

    follower = Follower.objects.get(openid=OPENID)
    assert follower.user == teacher
    assert follower.subscribed is True
    assert "感谢关注" in answer["Content"]
    assert "已绑定账号" in answer["Content"]


def test_a_follower_scanning_the_code_is_bound(client, teacher):
    Follower.objects.create(openid=OPENID, subscribed=True)
    answer = reply(post(client, event("SCAN", EventKey="bind:k7Qm2x", Ticket="t")))

    assert Follower.objects.get(openid=OPENID).user == teacher
    assert "已绑定账号" in answer["Content"]


def test_an_expired_code_says_so(client, teacher):
    BindingCode.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    answer = reply(post(client, event("SCAN", EventKey="bind:k7Qm2x", Ticket="t")))

    assert "过期" in answer["Content"]
    assert Follower.objects.get(openid=OPENID).user is None


def test_other_scenes_get_no_binding(client, teacher):
    assert post(client, event("SCAN", EventKey="poster-626", Ticket="t")).content == b"success"
    answer = reply(post(client, event("subscribe", EventKey="qrscene_poster-626", Ticket="t")))
    assert "已绑定" not in answer["Content"]
    assert Follower.objects.get(openid=OPENID).user is None
