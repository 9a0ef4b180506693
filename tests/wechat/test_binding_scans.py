"""Scanning a binding QR code binds the follower to the code's account, once; the reply says
what happened. One follower per account and one account per follower: the latest binding wins."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import make_user
from tests.wechat.concurrent_calls import at_once
from wechat.binding import bind_by_scene
from wechat.models import BindingCode, Follower

pytestmark = pytest.mark.django_db


def binding_code(user, code="code-1", minutes_left=10, used=False) -> BindingCode:
    now = timezone.now()
    return BindingCode.objects.create(
        user=user,
        code=code,
        expires_at=now + datetime.timedelta(minutes=minutes_left),
        used_at=now if used else None,
    )


def test_scan_binds_a_new_follower_and_uses_the_code():
    teacher = make_user()
    code = binding_code(teacher)

    reply = bind_by_scene("o-teacher", "bind:code-1")

    # The email is masked: whoever photographs a QR code must not learn it.
    assert reply == "已绑定账号 t***@example.cn，今后的预约和答题提醒将通过本公众号发送。"
    follower = Follower.objects.get(openid="o-teacher")
    assert follower.user == teacher
    assert follower.bound_at is not None
    code.refresh_from_db()
    assert code.used_at is not None


def test_scan_keeps_what_the_callback_knows_of_the_follower():
    Follower.objects.create(openid="o-teacher", subscribed=True)
    binding_code(make_user())
    bind_by_scene("o-teacher", "bind:code-1")
    assert Follower.objects.get(openid="o-teacher").subscribed is True


def test_a_used_code_is_refused():
    teacher = make_user()
    binding_code(teacher)
    bind_by_scene("o-teacher", "bind:code-1")

    reply = bind_by_scene("o-stranger", "bind:code-1")

    assert "已经用过" in reply
    assert not Follower.objects.filter(openid="o-stranger").exists()
    assert Follower.objects.get(user=teacher).openid == "o-teacher"


def test_an_expired_code_is_refused():
    binding_code(make_user(), minutes_left=-1)
    reply = bind_by_scene("o-late", "bind:code-1")
    assert "已过期" in reply
    assert not Follower.objects.filter(user__isnull=False).exists()


@pytest.mark.parametrize("scene", ["bind:no-such-code", "bind:", "bind:" + "x" * 500])
def test_an_unknown_code_is_refused(scene):
    reply = bind_by_scene("o-guess", scene)
    assert "二维码无效" in reply
    assert not Follower.objects.exists()


@pytest.mark.parametrize("scene", ["", "menu:quiz", "1234", "Bind:code-1"])
def test_other_scenes_are_not_binding_scenes(scene):
    binding_code(make_user())
    assert bind_by_scene("o-teacher", scene) is None
    assert not Follower.objects.exists()


def test_the_latest_account_to_bind_a_follower_wins():
    first, second = make_user(), make_user("second@example.cn")
    binding_code(first, "code-1")
    binding_code(second, "code-2")
    bind_by_scene("o-shared", "bind:code-1")

    reply = bind_by_scene("o-shared", "bind:code-2")

    assert "s***@example.cn" in reply
    assert Follower.objects.get(openid="o-shared").user == second
    assert not Follower.objects.filter(user=first).exists()


def test_binding_another_wechat_releases_the_previous_one():
    teacher = make_user()
    binding_code(teacher, "code-1")
    binding_code(teacher, "code-2")
    bind_by_scene("o-old-phone", "bind:code-1")

    bind_by_scene("o-new-phone", "bind:code-2")

    old = Follower.objects.get(openid="o-old-phone")
    assert (old.user, old.bound_at) == (None, None)
    assert Follower.objects.get(openid="o-new-phone").user == teacher


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are what is tested: PostgreSQL only"
)
def test_two_scans_of_one_code_at_once_bind_once():
    teacher = make_user()
    binding_code(teacher)

    replies = at_once(bind_by_scene, [(f"o-phone-{n}", "bind:code-1") for n in range(2)])

    assert sorted("已绑定" in reply for reply in replies) == [False, True]
    assert Follower.objects.filter(user=teacher).count() == 1
