"""A binding code is one-time, random, valid for 10 minutes and comes with WeChat's temporary
QR code for the scene bind:<code>; users can ask for a few per 10 minutes."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from wechat.binding import BindingUnavailable, new_binding_code
from wechat.models import BindingCode

pytestmark = pytest.mark.django_db

QR_CREATE = "/cgi-bin/qrcode/create"


def test_code_comes_with_a_qr_code_for_its_scene(fake_wechat):
    user = make_user()
    before = timezone.now()

    code = new_binding_code(user)

    assert code.user == user
    assert 20 <= len(code.code) <= 40
    assert code.used_at is None
    assert before + datetime.timedelta(minutes=10) <= code.expires_at
    assert code.expires_at <= timezone.now() + datetime.timedelta(minutes=10)
    [call] = fake_wechat.calls_to(QR_CREATE)
    assert call.body == {
        "expire_seconds": 600,
        "action_name": "QR_STR_SCENE",
        "action_info": {"scene": {"scene_str": f"bind:{code.code}"}},
    }
    ticket = call.response["ticket"]
    assert code.qr_url == f"{fake_wechat.url}/cgi-bin/showqrcode?ticket={ticket}"
    assert BindingCode.objects.get() == code


def test_codes_are_different_each_time(fake_wechat):
    user = make_user()
    codes = {new_binding_code(user).code for _ in range(3)}
    assert len(codes) == 3


def test_expired_codes_of_the_user_are_cleared(fake_wechat):
    user = make_user()
    BindingCode.objects.create(
        user=user, code="old-code", expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    new_binding_code(user)
    assert not BindingCode.objects.filter(code="old-code").exists()


def test_too_many_codes_are_refused_for_a_while(fake_wechat):
    user, other = make_user(), make_user("other@example.cn")
    for _ in range(5):
        new_binding_code(user)

    with pytest.raises(BindingUnavailable) as refusal:
        new_binding_code(user)

    assert "过于频繁" in refusal.value.message
    assert BindingCode.objects.filter(user=user).count() == 5
    assert len(fake_wechat.calls_to(QR_CREATE)) == 5
    assert new_binding_code(other).user == other


def test_wechat_refusing_the_qr_code_stores_nothing(fake_wechat):
    fake_wechat.fail_next(QR_CREATE, 48001)
    with pytest.raises(BindingUnavailable) as refusal:
        new_binding_code(make_user())
    assert "稍后再试" in refusal.value.message
    assert not BindingCode.objects.exists()


def test_without_wechat_configured_no_code_is_made(settings):
    settings.WECHAT_APP_ID = ""
    with pytest.raises(BindingUnavailable) as refusal:
        new_binding_code(make_user())
    assert "尚未配置" in refusal.value.message
    assert not BindingCode.objects.exists()
