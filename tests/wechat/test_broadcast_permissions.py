"""Only editors with the permission to add broadcasts send, cancel or retry them; the
others may look but change nothing. Without WeChat configured, the pages say so."""

import pytest
from django.urls import reverse

from tests.wechat.broadcast_helpers import draft, editor, followers
from wechat.models import Broadcast, Message

pytestmark = pytest.mark.django_db


def test_an_editor_who_may_only_view_cannot_send(client, configured):
    followers(2)
    broadcast = draft()
    client.force_login(editor("viewer@example.cn", "view_broadcast"))
    url = reverse("wechat_broadcasts:preview", args=[broadcast.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "确认发送" not in page.content.decode()

    refused = client.post(url)
    assert refused.status_code in (302, 403)
    assert refused.get("Location") != reverse("wechat_broadcasts:progress", args=[broadcast.pk])
    assert not Message.objects.exists()
    broadcast.refresh_from_db()
    assert broadcast.status == Broadcast.Status.DRAFT


def test_an_editor_with_the_permission_sends(client, configured):
    followers(2)
    broadcast = draft()
    client.force_login(editor("sender@example.cn", "view_broadcast", "add_broadcast"))
    client.post(reverse("wechat_broadcasts:preview", args=[broadcast.pk]))
    assert Message.objects.filter(broadcast=broadcast).count() == 1


def test_without_the_permission_cancel_and_retry_are_refused(client, configured):
    followers(2)
    broadcast = draft()
    client.force_login(editor("sender2@example.cn", "add_broadcast"))
    client.post(reverse("wechat_broadcasts:preview", args=[broadcast.pk]))
    batch = Message.objects.get(broadcast=broadcast)
    client.force_login(editor("viewer2@example.cn", "view_broadcast"))

    assert client.post(reverse("wechat_broadcasts:cancel", args=[broadcast.pk])).status_code in (
        302,
        403,
    )
    batch.refresh_from_db()
    assert batch.status == Message.Status.PENDING

    Message.objects.filter(pk=batch.pk).update(status=Message.Status.FAILED)  # retryable
    retry = reverse("wechat_broadcasts:retry", args=[broadcast.pk, batch.pk])
    assert client.post(retry).status_code in (302, 403)
    batch.refresh_from_db()
    assert batch.status == Message.Status.FAILED


def test_an_editor_without_any_broadcast_permission_does_not_see_them(client):
    client.force_login(editor("other@example.cn", "view_follower"))
    assert client.get(reverse("wechat_broadcasts:index")).status_code in (302, 403)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wechat_broadcasts:index") not in menu
    assert reverse("wechat_followers:index") in menu


def test_not_configured_the_form_says_so_and_sending_is_refused(client, settings):
    settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""
    followers(2)
    broadcast = draft()
    client.force_login(editor("sender3@example.cn", "view_broadcast", "add_broadcast"))

    form = client.get(reverse("wechat_broadcasts:add")).content.decode()
    assert "微信公众号尚未配置" in form

    url = reverse("wechat_broadcasts:preview", args=[broadcast.pk])
    response = client.post(url, follow=True)
    assert "微信公众号尚未配置，无法群发。" in response.content.decode()
    assert not Message.objects.exists()
