"""With the account configured, every page names the signing endpoint and the self-hosted
JS-SDK, whoever asks: site.js loads the SDK inside WeChat's browser only and sets the share
card from the page's og: tags. The HTML does not depend on the User-Agent, so one rendering
can be cached for every visitor."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from tests.factories import add_article, build_site, make_image, make_user

pytestmark = pytest.mark.django_db

WECHAT_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI"
)
PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
SDK = "/static/vendor/jweixin-1.6.0.js"
META = f'<meta name="wechat-jssdk" content="/wechat/jssdk/" data-sdk="{SDK}">'
AGENTS = pytest.mark.parametrize("agent", [WECHAT_UA, PHONE_UA, DESKTOP_UA, ""])


@pytest.fixture
def article():
    tree = build_site()
    return add_article(
        tree.news,
        "青少年要警惕新型毒品伪装",
        "新型毒品常伪装成饮料。",
        summary="新型毒品常伪装成饮料、零食，青少年要提高警惕。",
        cover_image=make_image("禁毒宣传封面"),
    )


def page(client, article, agent: str) -> str:
    response = client.get(article.url, HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert "user-agent" not in response.get("Vary", "").lower()
    return response.content.decode()


@AGENTS
def test_configured_every_visitor_is_given_the_endpoint_and_the_sdk(
    client, article, configured, agent
):
    html = page(client, article, agent)
    assert html.count("wechat-jssdk") == 1
    assert META in html
    assert f'<script src="{SDK}"' not in html  # site.js loads it, inside WeChat only
    assert html.index(META) < html.index("/static/js/site.js")


@AGENTS
def test_without_the_account_nothing_is_named(client, article, settings, agent):
    settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""
    html = page(client, article, agent)
    assert SDK not in html and "wechat-jssdk" not in html


@pytest.mark.parametrize("is_configured", [True, False])
def test_the_page_is_the_same_inside_and_outside_wechat(client, article, settings, is_configured):
    if is_configured:
        settings.WECHAT_APP_ID = "wx0123456789abcdef"
        settings.WECHAT_APP_SECRET = "share-test-secret"
    else:
        settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""

    def unmasked(html: str) -> str:
        # Django masks the CSRF token afresh on every response.
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    inside = unmasked(page(client, article, WECHAT_UA))
    assert unmasked(page(client, article, DESKTOP_UA)) == inside
    assert unmasked(page(client, article, PHONE_UA)) == inside
    assert ("wechat-jssdk" in inside) is is_configured


def test_the_card_comes_from_the_pages_og_tags(client, article, configured):
    html = page(client, article, WECHAT_UA)
    assert '<meta property="og:title" content="青少年要警惕新型毒品伪装">' in html
    assert (
        '<meta property="og:description" content="新型毒品常伪装成饮料、零食，青少年要提高警惕。">'
        in html
    )
    assert '<meta property="og:image" content="http://testserver/' in html
    assert "<script>" not in html  # no inline script


def test_the_sdk_is_self_hosted_with_its_origin_noted():
    head = Path(finders.find("vendor/jweixin-1.6.0.js")).read_text(encoding="utf-8")[:400]
    assert "weixin-js-sdk@1.6.0" in head and "res.wx.qq.com/open/js/jweixin-1.6.0.js" in head
    script = Path(finders.find("js/site.js")).read_text(encoding="utf-8")
    assert "updateAppMessageShareData" in script and "og:title" in script
    assert "MicroMessenger" in script and "dataset.sdk" in script


def header_name(client, article, user) -> str:
    client.force_login(user)
    html = page(client, article, WECHAT_UA)
    (name,) = re.findall(r'<a class="account-name"[^>]*>.*?<span>(.*?)</span>', html, re.S)
    return name


def test_a_wechat_account_without_email_is_shown_by_its_nickname(client, article):
    user = get_user_model().objects.create_user(
        username="wx_3f9a0c1b2d", email="", first_name="禁毒小卫士"
    )
    assert header_name(client, article, user) == "禁毒小卫士"


def test_the_header_shows_the_email_first_then_the_username(client, article):
    with_email = make_user("teacher@example.cn", first_name="王老师")
    assert header_name(client, article, with_email) == "teacher@example.cn"
    bare = get_user_model().objects.create_user(username="wx_5e6d7c8b9a", email="")
    assert header_name(client, article, bare) == "wx_5e6d7c8b9a"
