"""From the admin: preview, send, delivery to the (fake) WeChat API, then the progress page
with the batches sent and WeChat's job results once it reports them."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.wechat import callback_requests
from tests.wechat.broadcast_helpers import draft, followers
from wechat.delivery import deliver_due
from wechat.fake_api import MASS_SEND
from wechat.models import Broadcast, Message

pytestmark = pytest.mark.django_db


def job_finished(msg_id: str, **counts: int) -> str:
    fields = "".join(f"<{name}>{value}</{name}>" for name, value in counts.items())
    return (
        f"<xml><ToUserName><![CDATA[{callback_requests.ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{callback_requests.OPENID}]]></FromUserName>"
        "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        "<Event><![CDATA[MASSSENDJOBFINISH]]></Event>"
        f"<MsgID>{msg_id}</MsgID><Status><![CDATA[send success]]></Status>{fields}</xml>"
    )


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


def test_preview_send_deliver_and_follow_progress(fake_wechat, admin_client, settings):
    everyone = followers(3)
    broadcast = draft()

    preview = admin_client.get(reverse("wechat_broadcasts:preview", args=[broadcast.pk]))
    assert preview.status_code == 200
    assert b"data-broadcast-recipients>3<" in preview.content

    sent = admin_client.post(reverse("wechat_broadcasts:preview", args=[broadcast.pk]))
    progress_url = reverse("wechat_broadcasts:progress", args=[broadcast.pk])
    assert sent.status_code == 302 and sent["Location"] == progress_url

    waiting = admin_client.get(progress_url)
    assert b'http-equiv="refresh"' in waiting.content
    assert b"data-broadcast-batches>0 / 1<" in waiting.content

    assert deliver_due().sent == 1
    (call,) = fake_wechat.calls_to(MASS_SEND)
    assert sorted(call.body["touser"]) == sorted(f.openid for f in everyone)
    assert call.body["text"]["content"] == broadcast.text

    done = admin_client.get(progress_url)
    assert b"data-broadcast-batches>1 / 1<" in done.content
    assert b"data-broadcast-reached>3 / 3<" in done.content
    assert b'http-equiv="refresh"' not in done.content
    broadcast.refresh_from_db()
    assert broadcast.status == Broadcast.Status.DONE

    batch = Message.objects.get(broadcast=broadcast)
    settings.WECHAT_TOKEN = callback_requests.TOKEN
    callback_requests.post(
        admin_client,
        job_finished(batch.wechat_msgid, TotalCount=3, FilterCount=3, SentCount=2, ErrorCount=1),
    )
    reported = admin_client.get(progress_url).content.decode()
    assert "共 3 人，过滤 3 人，成功 2 人，失败 1 人" in reported
    assert "data-broadcast-confirmed>2<" in reported


def test_a_failed_batch_shows_its_error_and_can_be_retried(fake_wechat, admin_client):
    followers(2)
    broadcast = draft()
    admin_client.post(reverse("wechat_broadcasts:preview", args=[broadcast.pk]))
    fake_wechat.fail_next(MASS_SEND, 40003)
    deliver_due()
    batch = Message.objects.get(broadcast=broadcast)
    assert batch.status == Message.Status.FAILED and batch.last_error

    page = admin_client.get(reverse("wechat_broadcasts:progress", args=[broadcast.pk]))
    retry_url = reverse("wechat_broadcasts:retry", args=[broadcast.pk, batch.pk])
    assert retry_url.encode() in page.content
    assert batch.last_error.encode() in page.content

    admin_client.post(retry_url)
    deliver_due()
    batch.refresh_from_db()
    assert batch.status == Message.Status.SENT
    assert len(fake_wechat.delivered_to(MASS_SEND)) == 1
