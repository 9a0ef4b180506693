"""Staff retry a failed message or cancel a waiting one from the messages listing: a
confirmation page, then a POST; other statuses are refused with a clear message."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import editor
from wechat.models import Broadcast, Message

pytestmark = pytest.mark.django_db


def message(status: str, key: str) -> Message:
    return Message.objects.create(
        kind="booking_confirmed",
        channel="email",
        email="teacher@example.cn",
        idempotency_key=key,
        next_attempt_at=timezone.now() - timezone.timedelta(hours=1),
        status=status,
        last_error="SMTP 连接失败" if status == Message.Status.FAILED else "",
    )


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


def test_the_listing_offers_retry_and_cancel_by_status(admin_client):
    failed = message(Message.Status.FAILED, "a")
    pending = message(Message.Status.PENDING, "b")
    html = admin_client.get(reverse("wechat_messages:index")).content.decode()
    assert reverse("wechat_messages:retry", args=[failed.pk]) in html
    assert reverse("wechat_messages:cancel", args=[pending.pk]) in html
    assert reverse("wechat_messages:retry", args=[pending.pk]) not in html
    assert reverse("wechat_messages:cancel", args=[failed.pk]) not in html


def test_retry_after_confirmation(admin_client):
    failed = message(Message.Status.FAILED, "a")
    url = reverse("wechat_messages:retry", args=[failed.pk])
    confirm = admin_client.get(url).content.decode()
    assert "SMTP 连接失败" in confirm and 'method="post"' in confirm

    response = admin_client.post(url)
    assert response["Location"] == reverse("wechat_messages:index")
    failed.refresh_from_db()
    assert failed.status == Message.Status.PENDING
    assert failed.next_attempt_at <= timezone.now()


def test_cancel_a_waiting_message(admin_client):
    pending = message(Message.Status.PENDING, "b")
    admin_client.post(reverse("wechat_messages:cancel", args=[pending.pk]))
    pending.refresh_from_db()
    assert pending.status == Message.Status.CANCELLED


def test_a_sent_message_is_neither_retried_nor_cancelled(admin_client):
    sent = message(Message.Status.SENT, "c")
    for action in ("retry", "cancel"):
        response = admin_client.post(
            reverse(f"wechat_messages:{action}", args=[sent.pk]), follow=True
        )
        assert "只能" in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == Message.Status.SENT


def test_viewing_messages_does_not_allow_changing_them(client):
    failed = message(Message.Status.FAILED, "a")
    client.force_login(editor("viewer@example.cn", "view_message"))
    assert client.get(reverse("wechat_messages:index")).status_code == 200
    client.post(reverse("wechat_messages:retry", args=[failed.pk]))
    failed.refresh_from_db()
    assert failed.status == Message.Status.FAILED


def test_a_batch_of_a_cancelled_broadcast_is_not_retried(admin_client):
    broadcast = Broadcast.objects.create(
        title="已取消", text="内容", to_all=True, status=Broadcast.Status.CANCELLED
    )
    batch = message(Message.Status.FAILED, "broadcast:1:1")
    Message.objects.filter(pk=batch.pk).update(broadcast=broadcast, channel="mass")

    response = admin_client.post(reverse("wechat_messages:retry", args=[batch.pk]), follow=True)

    assert "群发已取消" in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == Message.Status.FAILED
