"""The WeChat share card works on a cached page: the page only names the signing endpoint,
and site.js asks it for a fresh signature of the address the reader actually opened."""

import pytest
from django.core.cache import caches

from education.page_cache import HEADER
from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET, FakeWeChat
from wechat.jssdk import sign

pytestmark = pytest.mark.django_db

META = '<meta name="wechat-jssdk" content="/wechat/jssdk/"'


@pytest.fixture
def fake_wechat(settings):
    fake = FakeWeChat(DEFAULT_APP_ID, DEFAULT_APP_SECRET)
    fake.start()
    settings.WECHAT_APP_ID = DEFAULT_APP_ID
    settings.WECHAT_APP_SECRET = DEFAULT_APP_SECRET
    settings.WECHAT_API_ROOT = fake.url
    settings.WECHAT_ALLOW_API_ROOT = True
    caches["default"].clear()
    yield fake
    fake.stop()


def signature_for(client, url: str) -> dict:
    response = client.get("/wechat/jssdk/", {"url": url})
    assert response.status_code == 200
    assert HEADER not in response
    assert response["Cache-Control"] == "no-store"
    return response.json()


def test_each_reader_of_a_cached_page_gets_a_fresh_signature(client, article, fake_wechat):
    # Shared links come back with WeChat's parameters; the cache ignores them, the
    # signature covers the address as opened.
    shared = f"{article.url}?from=singlemessage&isappinstalled=0"
    client.get(article.url)
    page = client.get(shared)
    assert page[HEADER] == "hit"
    html = page.content.decode()
    assert META in html
    assert "nonceStr" not in html and "signature" not in html

    address = f"http://testserver{shared}"
    first, second = signature_for(client, address), signature_for(client, address)
    assert first["nonceStr"] != second["nonceStr"]
    ticket = fake_wechat.calls_to("/cgi-bin/ticket/getticket")[0].response["ticket"]
    for config in (first, second):
        assert config["appId"] == DEFAULT_APP_ID
        assert config["signature"] == sign(ticket, config["nonceStr"], config["timestamp"], address)
