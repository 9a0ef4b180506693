"""The 「微信渠道」 dashboard panel: configured or not, the outbox's state over the last 24
hours, delivery lag, paused channels with a resume button, followers and the last broadcast."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, editor, followers
from wechat import broadcasts
from wechat.models import ChannelPause, Message
from wechat.panels import ChannelHealthPanel

pytestmark = pytest.mark.django_db

PANEL_QUERIES = 4


def message(key: str, status: str, **fields) -> Message:
    fields.setdefault("next_attempt_at", timezone.now())
    return Message.objects.create(
        kind="booking_confirmed", channel="template", idempotency_key=key, status=status, **fields
    )


@pytest.fixture
def outbox_state(configured):
    now = timezone.now()
    message("p1", Message.Status.PENDING, next_attempt_at=now - datetime.timedelta(minutes=42))
    message("p2", Message.Status.PENDING, next_attempt_at=now + datetime.timedelta(hours=1))
    message("h1", Message.Status.HELD)
    message("s1", Message.Status.SENT, sent_at=now - datetime.timedelta(hours=2))
    message("s2", Message.Status.SENT, sent_at=now - datetime.timedelta(days=2))
    message("f1", Message.Status.FAILED)
    ChannelPause.objects.create(
        channel="template", kind="booking_confirmed", error_code=40037, reason="模板ID无效"
    )
    ChannelPause.objects.create(
        channel="mass", paused_until=now - datetime.timedelta(minutes=5), reason="已过期的暂停"
    )
    followers(3)
    broadcast = draft()
    broadcasts.start_broadcast(broadcast, None)
    return broadcast


def test_the_panel_shows_the_channel_state(client, outbox_state):
    client.force_login(make_superuser())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "微信渠道" in html and "微信公众号尚未配置" not in html
    for name, count in {"pending": 3, "held": 1, "sent": 1, "failed": 1, "subscribed": 3}.items():
        assert f'data-count="{name}">{count}<' in html
    assert "42" in html.split("data-lag>")[1].split("</td>")[0]
    assert "模板ID无效" in html and "已过期的暂停" not in html
    pause = ChannelPause.objects.get(channel="template")
    assert reverse("wechat_channel_resume", args=[pause.pk]) in html
    assert "禁毒日答题提醒" in html and "已发出 0 / 1 批" in html


def test_not_configured_is_said(client, settings):
    settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""
    client.force_login(make_superuser())
    assert "微信公众号尚未配置" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_resume_lifts_the_pause_and_releases_held_messages(client, outbox_state):
    client.force_login(make_superuser())
    pause = ChannelPause.objects.get(channel="template")
    held = Message.objects.get(status=Message.Status.HELD)
    assert client.get(reverse("wechat_channel_resume", args=[pause.pk])).status_code == 405
    response = client.post(reverse("wechat_channel_resume", args=[pause.pk]))
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not ChannelPause.objects.filter(pk=pause.pk).exists()
    held.refresh_from_db()
    assert held.status == Message.Status.PENDING


def test_only_staff_with_message_permissions_see_it(client, configured):
    client.force_login(editor("editor2@example.cn", "view_broadcast"))
    assert "微信渠道" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_panel_query_count_is_pinned(outbox_state, django_assert_num_queries):
    request = RequestFactory().get("/admin/")
    request.user = make_superuser()
    panel = ChannelHealthPanel(request)
    with django_assert_num_queries(PANEL_QUERIES):
        panel.render_html({"request": request, "csrf_token": "token"})
