import pytest

from tests.wechat.outbox_helpers import delivered_keys, queue_many
from wechat.delivery import deliver_due
from wechat.models import Message

pytestmark = pytest.mark.django_db


def test_expired_token_mid_batch_is_refreshed_once_for_all_threads(fake_wechat):
    queue_many(1, prefix="warm-")
    deliver_due(threads=1)  # a token is fetched and cached
    fake_wechat.expire_tokens()
    fake_wechat.latency = 0.1  # every thread sends before the refresh lands
    messages = queue_many(40)
    deliver_due(batch_size=40, threads=8)
    refused = [c for c in fake_wechat.template_sends if c.response.get("errcode") == 42001]
    forced = [
        call
        for call in fake_wechat.calls_to("/cgi-bin/stable_token")
        if call.body.get("force_refresh")
    ]
    assert len(refused) >= 2  # several threads ran into the expired token at once
    assert len(forced) == 1
    assert Message.objects.filter(status=Message.Status.SENT).count() == 41
    assert set(delivered_keys(fake_wechat)) >= {m.idempotency_key for m in messages}
    assert len(delivered_keys(fake_wechat)) == 41
