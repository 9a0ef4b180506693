"""The keys kept to recognise WeChat's retries are cleared once they are old."""

import datetime

import pytest
from django.utils import timezone

from tests.wechat.callback_requests import configure, message, post
from wechat.inbound import PURGE_EVERY
from wechat.models import InboundMessage

pytestmark = pytest.mark.django_db


def test_old_keys_are_purged_every_so_many_messages(client, settings):
    configure(settings)
    old = InboundMessage.objects.create(key="msg:1")
    InboundMessage.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=2)
    )
    recent = InboundMessage.objects.create(key="msg:2")

    for _ in range(PURGE_EVERY):
        post(client, message("你好"))

    assert not InboundMessage.objects.filter(pk=old.pk).exists()
    assert InboundMessage.objects.filter(pk=recent.pk).exists()
