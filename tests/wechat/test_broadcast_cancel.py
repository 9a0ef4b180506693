"""Cancelling a broadcast stops the batches not sent yet; the sent ones stay sent, and
followers of cancelled batches do not count against the monthly cap."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, followers
from wechat import broadcasts
from wechat.models import Broadcast, Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def sending(configured):
    followers(4)
    broadcast = draft()
    broadcasts.start_broadcast(broadcast, None)
    return broadcast


def test_cancel_from_the_progress_page(client, sending):
    client.force_login(make_superuser())
    page = client.get(reverse("wechat_broadcasts:progress", args=[sending.pk]))
    cancel_url = reverse("wechat_broadcasts:cancel", args=[sending.pk])
    assert cancel_url.encode() in page.content

    client.post(cancel_url)

    sending.refresh_from_db()
    assert sending.status == Broadcast.Status.CANCELLED
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.CANCELLED}
    assert broadcasts.preview(draft()).recipients == 4


def test_nothing_left_to_cancel_is_a_clear_error(client, sending):
    Message.objects.update(status=Message.Status.SENT)
    client.force_login(make_superuser())
    response = client.post(reverse("wechat_broadcasts:cancel", args=[sending.pk]), follow=True)
    assert "没有可以取消的批次" in response.content.decode()
    sending.refresh_from_db()
    assert sending.status == Broadcast.Status.DONE  # settled by the progress page
