"""POST: a message whose signature or timestamp is wrong is refused and leaves no trace."""

import time

import pytest
from django.test import Client

from tests.wechat.callback_requests import OPENID, TOKEN, message, post, query, sign
from wechat.models import Follower, InboundMessage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def nothing_stored() -> bool:
    return not Follower.objects.exists() and not InboundMessage.objects.exists()


def test_signed_message_is_accepted_without_csrf_token():
    response = post(Client(enforce_csrf_checks=True), message("你好"))
    assert response.status_code == 200
    assert Follower.objects.get(openid=OPENID).last_interaction_at is not None
    assert InboundMessage.objects.count() == 1


def test_bad_signature_is_forbidden_and_nothing_is_stored(client):
    response = post(client, message("你好"), query(token="another-token"))
    assert response.status_code == 403
    assert "签名无效" in response.content.decode()
    assert nothing_stored()


def test_missing_signature_is_forbidden(client):
    params = query()
    del params["signature"]
    assert post(client, message("你好"), params).status_code == 403
    assert nothing_stored()


@pytest.mark.parametrize("offset", [-301, 301, -86_400])
def test_timestamp_outside_five_minutes_is_forbidden(client, offset):
    response = post(client, message("你好"), query(int(time.time()) + offset))
    assert response.status_code == 403
    assert "过期" in response.content.decode()
    assert nothing_stored()


def test_timestamp_within_five_minutes_is_accepted(client):
    assert post(client, message("你好"), query(int(time.time()) - 280)).status_code == 200


def test_non_numeric_timestamp_is_forbidden(client):
    params = {"signature": sign(TOKEN, "soon", "42"), "timestamp": "soon", "nonce": "42"}
    response = post(client, message("你好"), params)
    assert response.status_code == 403
    assert "时间戳无效" in response.content.decode()
    assert nothing_stored()
