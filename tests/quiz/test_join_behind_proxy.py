"""Behind nginx every request comes from 127.0.0.1: rate limits key on the visitor's address
that nginx puts in X-Real-IP, so one visitor's failures never hold back the whole city.
X-Forwarded-For, which a client can forge, is never read; an X-Real-IP that is not an
address falls back to the connection's. Without a proxy (the development server, the tests)
the connection's address is the visitor's."""

import pytest
from django.test import RequestFactory

from config.client_ip import client_ip
from tests.test_settings import production_env, run

pytestmark = pytest.mark.django_db

BUSY = "尝试次数太多，请一分钟后再试。"
PROXY = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True


def wrong_code(client, **headers):
    return client.post("/join/", {"code": "ZZZZZZ"}, REMOTE_ADDR=PROXY, **headers)


def test_each_visitor_behind_the_proxy_has_their_own_limit(client, behind_proxy):
    for _ in range(30):
        assert wrong_code(client, HTTP_X_REAL_IP="203.0.113.7").status_code == 200
    assert wrong_code(client, HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert wrong_code(client, HTTP_X_REAL_IP="203.0.113.8").status_code == 200
    assert wrong_code(client, HTTP_X_REAL_IP="2001:db8::1").status_code == 200


def test_a_forged_forwarded_for_changes_nothing(client, behind_proxy):
    for n in range(30):
        wrong_code(client, HTTP_X_REAL_IP="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    refused = wrong_code(client, HTTP_X_REAL_IP="203.0.113.7", HTTP_X_FORWARDED_FOR="a, b")
    assert refused.status_code == 429
    assert BUSY in refused.content.decode()


@pytest.mark.parametrize("header", ["203.0.113.7, 10.0.0.1", "unknown", "", " "])
def test_a_real_ip_that_is_not_an_address_falls_back(behind_proxy, header):
    request = RequestFactory().post("/join/", REMOTE_ADDR="192.0.2.5", HTTP_X_REAL_IP=header)
    assert client_ip(request) == "192.0.2.5"


def test_a_real_ip_is_read_only_behind_a_proxy(settings):
    request = RequestFactory().post("/join/", REMOTE_ADDR="192.0.2.5", HTTP_X_REAL_IP="203.0.113.7")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "192.0.2.5"
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.7"


def test_the_development_server_keys_on_the_connection(client, settings):
    settings.BEHIND_PROXY = False
    for _ in range(30):
        wrong_code(client, HTTP_X_REAL_IP="203.0.113.7")
    assert wrong_code(client, HTTP_X_REAL_IP="203.0.113.8").status_code == 429


@pytest.mark.parametrize(("debug", "behind_proxy"), [(None, "False"), ("false", "True")])
def test_only_production_is_behind_a_proxy_by_default(debug, behind_proxy):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.BEHIND_PROXY, settings.RATELIMIT_IP_META_KEY)"
    )
    result = run(["-c", code], production_env(DJANGO_DEBUG=debug))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [behind_proxy, "config.client_ip.client_ip"]
