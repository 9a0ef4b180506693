import pytest

from wechat import outbox
from wechat.models import Message
from wechat.models.messages import Channel

pytestmark = pytest.mark.django_db


def test_queue_mass_stores_openids_and_text(fake_wechat):
    message = outbox.queue_mass(["o-1", "o-2", "o-3"], "禁毒知识竞赛开始了", key="broadcast:1:1")
    assert message.channel == Channel.MASS
    assert message.status == Message.Status.PENDING
    assert message.payload == {
        "touser": ["o-1", "o-2", "o-3"],
        "text": "禁毒知识竞赛开始了",
        "clientmsgid": "broadcast:1:1",
    }


def test_same_key_is_one_batch(fake_wechat):
    first = outbox.queue_mass(["o-1", "o-2"], "文本", key="broadcast:1:1")
    assert outbox.queue_mass(["o-3", "o-4"], "别的", key="broadcast:1:1").pk == first.pk
    assert Message.objects.count() == 1


def test_long_key_is_hashed_for_wechat(fake_wechat):
    message = outbox.queue_mass(["o-1", "o-2"], "文本", key="broadcast:" + "9" * 70)
    assert len(message.payload["clientmsgid"]) == 64
    assert message.idempotency_key == "broadcast:" + "9" * 70


@pytest.mark.parametrize("openids", [[], ["o-1"], [f"o-{n}" for n in range(10_001)]])
def test_recipient_count_limits(fake_wechat, openids):
    with pytest.raises(outbox.OutboxError, match="群发一次须有 2 至 10000 位接收者"):
        outbox.queue_mass(openids, "文本", key="b")
    assert not Message.objects.exists()


def test_empty_text_is_refused(fake_wechat):
    with pytest.raises(outbox.OutboxError, match="群发内容不能为空"):
        outbox.queue_mass(["o-1", "o-2"], "  ", key="b")
