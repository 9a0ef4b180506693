"""The WeChat alerts page tells a user whether WeChat alerts reach them and why not, and lets
them bind their WeChat by scanning a QR code, or unbind it. Its query count is pinned."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import build_site, make_user
from tests.wechat.wechat_login import IN_WECHAT
from wechat.models import BindingCode, Follower

pytestmark = pytest.mark.django_db

URL = "/wechat/account/"
# Session, user, follower, active binding code (only when WeChat is configured), plus the
# five queries of the site shell (site, platform settings, menu restrictions, menu pages,
# whether the user has a school role for the 「我的学校」 link).
QUERIES_CONFIGURED = 9
QUERIES_NOT_CONFIGURED = 8


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


@pytest.fixture
def teacher(client):
    user = make_user()
    client.force_login(user)
    return user


def bind(user, subscribed=True) -> Follower:
    return Follower.objects.create(
        openid="o-teacher", subscribed=subscribed, user=user, bound_at=timezone.now()
    )


def page(client, queries: int, django_assert_num_queries) -> str:
    client.get(URL)  # warm what a running site keeps (the site root, settings)
    with django_assert_num_queries(queries):
        response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_is_at_its_url():
    assert reverse("wechat:account") == URL


def test_login_is_required(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_not_configured(client, teacher, django_assert_num_queries):
    html = page(client, QUERIES_NOT_CONFIGURED, django_assert_num_queries)
    assert "微信提醒：" in html
    assert "未开通" in html
    assert "本站尚未配置微信公众号" in html
    assert "消息将通过邮件发送到 teacher@example.cn" in html
    assert 'value="code"' not in html


def test_not_configured_but_bound_can_still_unbind(client, teacher, django_assert_num_queries):
    bind(teacher)
    html = page(client, QUERIES_NOT_CONFIGURED, django_assert_num_queries)
    assert "未开通" in html
    assert 'value="unbind"' in html
    assert 'value="code"' not in html


def test_configured_not_bound(client, teacher, fake_wechat, django_assert_num_queries):
    html = page(client, QUERIES_CONFIGURED, django_assert_num_queries)
    assert "未开通" in html
    assert "您的账户还没有绑定微信" in html
    assert "消息将通过邮件发送到 teacher@example.cn" in html
    assert 'value="code"' in html
    assert 'value="unbind"' not in html


def test_bound_and_following(client, teacher, fake_wechat, django_assert_num_queries):
    bind(teacher)
    html = page(client, QUERIES_CONFIGURED, django_assert_num_queries)
    assert "已开通" in html
    assert "消息将通过邮件发送到" not in html
    assert 'value="unbind"' in html
    assert "换绑其他微信" in html


def test_bound_but_not_following(client, teacher, fake_wechat, django_assert_num_queries):
    bind(teacher, subscribed=False)
    html = page(client, QUERIES_CONFIGURED, django_assert_num_queries)
    assert "未开通" in html
    assert "没有关注本站公众号" in html
    assert "消息将通过邮件发送到 teacher@example.cn" in html


def test_account_without_email_is_told_alerts_cannot_arrive(client, fake_wechat):
    user = make_user("wechat-only@example.cn")
    user.email = ""
    user.save()
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "您的账户没有电子邮箱，提醒无法送达" in html


def test_active_code_shows_its_qr_code_and_expiry(
    client, teacher, fake_wechat, django_assert_num_queries
):
    expires_at = timezone.now() + datetime.timedelta(minutes=7)
    BindingCode.objects.create(
        user=teacher,
        code="code-1",
        expires_at=expires_at,
        qr_url="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQ123",
    )
    html = page(client, QUERIES_CONFIGURED, django_assert_num_queries)
    assert '<img src="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQ123"' in html
    assert timezone.localtime(expires_at).strftime("%H:%M") in html
    assert f'href="{URL}"' in html  # refresh after scanning
    assert 'value="code"' not in html


def test_used_and_expired_codes_are_not_shown(client, teacher, fake_wechat):
    now = timezone.now()
    BindingCode.objects.create(
        user=teacher,
        code="used",
        expires_at=now + datetime.timedelta(minutes=5),
        used_at=now,
        qr_url="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=used",
    )
    BindingCode.objects.create(
        user=teacher,
        code="old",
        expires_at=now - datetime.timedelta(minutes=1),
        qr_url="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=old",
    )
    html = client.get(URL).content.decode()
    assert "showqrcode" not in html
    assert 'value="code"' in html


def test_the_page_has_no_inline_script(client, teacher, fake_wechat):
    BindingCode.objects.create(
        user=teacher,
        code="code-1",
        expires_at=timezone.now() + datetime.timedelta(minutes=5),
        qr_url="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQ123",
    )
    html = client.get(URL).content.decode()
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_post_makes_a_code_and_shows_its_qr_code(client, teacher, fake_wechat):
    response = client.post(URL, {"action": "code"}, follow=True)
    code = BindingCode.objects.get(user=teacher)
    assert response.redirect_chain == [(URL, 302)]
    assert f'<img src="{code.qr_url}"' in response.content.decode()
    assert len(fake_wechat.calls_to("/cgi-bin/qrcode/create")) == 1


def test_post_too_often_is_refused_with_a_message(client, teacher, fake_wechat):
    for _ in range(5):
        client.post(URL, {"action": "code"})
    response = client.post(URL, {"action": "code"}, follow=True)
    assert "二维码生成过于频繁" in response.content.decode()
    assert BindingCode.objects.filter(user=teacher).count() == 5


def test_post_code_without_wechat_configured_is_refused(client, teacher):
    response = client.post(URL, {"action": "code"}, follow=True)
    assert "暂时无法绑定微信" in response.content.decode()
    assert not BindingCode.objects.exists()


def test_post_unbind_releases_the_follower(client, teacher, fake_wechat):
    bind(teacher)
    response = client.post(URL, {"action": "unbind"}, follow=True)
    assert "已解除微信绑定" in response.content.decode()
    assert Follower.objects.get(openid="o-teacher").user is None
    assert "未开通" in response.content.decode()


def test_unbind_without_a_binding_says_so(client, teacher, fake_wechat):
    response = client.post(URL, {"action": "unbind"}, follow=True)
    assert "您的账户没有绑定微信" in response.content.decode()


@pytest.mark.parametrize("data", [{}, {"action": "delete-everything"}, {"action": "code" * 100}])
def test_unknown_action_changes_nothing(client, teacher, fake_wechat, data):
    bind(teacher)
    response = client.post(URL, data, follow=True)
    assert response.status_code == 200
    assert "无法识别的操作" in response.content.decode()
    assert Follower.objects.get(openid="o-teacher").user == teacher
    assert not BindingCode.objects.exists()


def test_post_without_csrf_token_is_refused(teacher, fake_wechat):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    bind(teacher)
    response = client.post(URL, {"action": "unbind"})
    assert response.status_code == 403
    assert Follower.objects.get(openid="o-teacher").user == teacher


def test_other_methods_are_not_allowed(client, teacher):
    assert client.put(URL).status_code == 405


def test_inside_wechat_the_qr_code_can_be_recognised_by_long_press(client, teacher, fake_wechat):
    BindingCode.objects.create(
        user=teacher,
        code="code-1",
        expires_at=timezone.now() + datetime.timedelta(minutes=5),
        qr_url="https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQ123",
    )
    assert "长按二维码" not in client.get(URL).content.decode()
    response = client.get(URL, headers={"user-agent": IN_WECHAT})
    assert "长按二维码" in response.content.decode()
