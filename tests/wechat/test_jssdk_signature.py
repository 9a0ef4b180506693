"""The JS-SDK signature: WeChat's published example, and the endpoint that signs page URLs."""

import pytest
from django.urls import reverse

from wechat.jssdk import sign


def test_wechat_documentation_example():
    signature = sign(
        "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
        "Wm3WZYTPz0wzccnW",
        1414587457,
        "http://mp.weixin.qq.com?params=value",
    )
    assert signature == "0f9de62fce790f9a083d5c99e95740ceb90c27ed"


def test_fragment_is_not_signed():
    ticket, nonce = "ticket", "nonce"
    assert sign(ticket, nonce, 1, "http://a.cn/p?x=1#share") == sign(
        ticket, nonce, 1, "http://a.cn/p?x=1"
    )


def endpoint():
    return reverse("wechat:jssdk_signature")


def test_endpoint_signs_an_own_page(client, fake_wechat):
    page = "http://testserver/news/626/?from=timeline"
    response = client.get(endpoint(), {"url": page + "#top"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    config = response.json()
    assert set(config) == {"appId", "timestamp", "nonceStr", "signature"}
    assert config["appId"] == fake_wechat.app_id
    ticket = fake_wechat.calls_to("/cgi-bin/ticket/getticket")[0].response["ticket"]
    assert config["signature"] == sign(ticket, config["nonceStr"], config["timestamp"], page)


def test_endpoint_accepts_allowed_hosts(client, fake_wechat, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".jindu.example.cn"]
    response = client.get(endpoint(), {"url": "https://www.jindu.example.cn/quiz/"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://evil.example.com/page/",
        "javascript:alert(1)",
        "ftp://testserver/file",
        "//testserver/page/",
        "http://testserver:99999/page/",
        "http://testserver.evil.com/",
        "http://" + "a" * 3000,
    ],
)
def test_endpoint_rejects_foreign_or_bad_urls(client, fake_wechat, url):
    response = client.get(endpoint(), {"url": url})
    assert response.status_code == 400
    assert "页面地址无效" in response.json()["error"]
    assert fake_wechat.calls == []


def test_endpoint_without_url_parameter(client, fake_wechat):
    assert client.get(endpoint()).status_code == 400


def test_endpoint_only_answers_get(client, fake_wechat):
    assert client.post(endpoint(), {"url": "http://testserver/"}).status_code == 405


def test_endpoint_when_wechat_is_not_configured(client, settings):
    settings.WECHAT_APP_ID = ""
    response = client.get(endpoint(), {"url": "http://testserver/"})
    assert response.status_code == 503
    assert response.json() == {"error": "微信未配置"}
    assert response["Cache-Control"] == "no-store"


def test_endpoint_when_the_ticket_cannot_be_fetched(client, fake_wechat):
    fake_wechat.down = True
    response = client.get(endpoint(), {"url": "http://testserver/"})
    assert response.status_code == 503
    assert "JS-SDK" in response.json()["error"]


def test_ticket_is_fetched_once_for_many_pages(client, fake_wechat):
    for page in ("http://testserver/a/", "http://testserver/b/"):
        assert client.get(endpoint(), {"url": page}).status_code == 200
    assert len(fake_wechat.calls_to("/cgi-bin/ticket/getticket")) == 1
