"""GET: WeChat checks the callback address by its signature and expects echostr back."""

import pytest

from tests.wechat.callback_requests import query, url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]


def test_good_signature_echoes_echostr(client):
    response = client.get(url(), {**query(), "echostr": "5927782489442352469"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"5927782489442352469"


def test_bad_signature_is_forbidden(client):
    params = {**query(token="another-token"), "echostr": "5927782489442352469"}
    response = client.get(url(), params)
    assert response.status_code == 403
    assert "签名无效" in response.content.decode()


def test_missing_parameters_are_forbidden(client):
    assert client.get(url(), {"echostr": "x"}).status_code == 403


def test_without_token_the_callback_says_it_is_not_configured(client, settings):
    settings.WECHAT_TOKEN = ""
    response = client.get(url(), {**query(), "echostr": "x"})
    assert response.status_code == 503
    assert "WECHAT_TOKEN" in response.content.decode()
    assert client.post(url(), data="<xml/>", content_type="text/xml").status_code == 503


def test_other_methods_are_not_allowed(client):
    assert client.put(url(), data="<xml/>", content_type="text/xml").status_code == 405
    assert client.delete(url()).status_code == 405
