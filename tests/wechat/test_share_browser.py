"""In a real Chromium posing as WeChat's browser, site.js loads the JS-SDK named by the page,
signs the page through our endpoint (backed by the fake WeChat API) and sets both share cards
from the page's og: tags; in any other browser it loads and asks for nothing.

The page is rendered once, for a desktop visitor, as a shared cache would keep it, before the
browser starts, and handed to it by request interception with the headers the site sent,
the real Content-Security-Policy among them, so the test needs no live server (nor a
transactional database). The JS-SDK itself only works inside WeChat: the browser gets a
stand-in that records the calls."""

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.utils.encoding import iri_to_uri

from tests import test_browser
from tests.factories import add_article, build_site, make_image
from tests.wechat.test_share_cards import DESKTOP_UA, SDK, WECHAT_UA

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

browser_page = test_browser.browser_page  # the project's Chromium, as a fixture here too

ORIGIN = "http://testserver"
SDK_STAND_IN = """
window.wxCalls = [];
window.wx = {
    config: function (c) { window.wxCalls.push(["config", c]); },
    ready: function (f) { f(); },
    updateAppMessageShareData: function (d) { window.wxCalls.push(["chat", d]); },
    updateTimelineShareData: function (d) { window.wxCalls.push(["moments", d]); }
};
"""
SCRIPT = {"Content-Type": "text/javascript"}


@pytest.fixture
def article_path():
    tree = build_site()
    article = add_article(
        tree.news,
        "青少年要警惕新型毒品伪装",
        "新型毒品常伪装成饮料。",
        summary="新型毒品常伪装成饮料、零食。",
        cover_image=make_image("禁毒宣传封面"),
    )
    return iri_to_uri(article.url)


def served(response) -> tuple[str, dict[str, str]]:
    """The body and headers of the site's ``response``; the page must carry the policy."""
    assert "Content-Security-Policy" in response.headers
    headers = {key: value for key, value in response.headers.items() if key != "Content-Length"}
    return response.content.decode(), headers


@pytest.fixture
def files(client, fake_wechat, article_path) -> dict[str, tuple[str, dict[str, str]]]:
    """What the browser may fetch, by path: (body, headers)."""
    page = client.get(article_path, HTTP_USER_AGENT=DESKTOP_UA)
    signed = client.get("/wechat/jssdk/", {"url": ORIGIN + article_path})
    site_js = Path(finders.find("js/site.js")).read_text(encoding="utf-8")
    return {
        article_path: served(page),
        "/wechat/jssdk/": served(signed),
        "/static/js/site.js": (site_js, SCRIPT),
        SDK: (SDK_STAND_IN, SCRIPT),
    }


@pytest.fixture
def wechat_page(browser_page):
    """A page in a second context of the same Chromium, whose User-Agent is WeChat's."""
    context = browser_page.context.browser.new_context(
        user_agent=WECHAT_UA,
        viewport=test_browser.PHONE,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def serve(page, files: dict[str, tuple[str, dict[str, str]]], asked: list[str]) -> list[str]:
    def answer(route):
        url = urlsplit(route.request.url)
        asked.append(route.request.url)
        if url.path not in files:
            return route.fulfill(status=404, body="")
        body, headers = files[url.path]
        return route.fulfill(body=body, headers=headers)

    page.route(ORIGIN + "/**", answer)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def wait_for_share_calls(page, count: int) -> None:
    """Poll from here: Playwright's wait_for_function compiles its predicate in the page,
    which the page's Content-Security-Policy (no 'unsafe-eval') may refuse."""
    for _attempt in range(300):
        if page.evaluate("window.wxCalls ? window.wxCalls.length : 0") >= count:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the share cards were not set within 15 seconds")


def test_share_cards_inside_wechat(files, fake_wechat, article_path, wechat_page):
    page, asked = wechat_page, []
    errors = serve(page, files, asked)

    page.goto(ORIGIN + article_path)
    wait_for_share_calls(page, 3)
    calls = dict(json.loads(page.evaluate("JSON.stringify(wxCalls)")))

    assert [url for url in asked if "jweixin" in url] == [ORIGIN + SDK]
    (signing,) = [url for url in asked if "/wechat/jssdk/" in url]
    assert parse_qs(urlsplit(signing).query)["url"] == [ORIGIN + article_path]
    assert calls["config"]["appId"] == fake_wechat.app_id
    assert calls["config"]["signature"] == json.loads(files["/wechat/jssdk/"][0])["signature"]
    assert calls["config"]["jsApiList"] == ["updateAppMessageShareData", "updateTimelineShareData"]
    assert calls["chat"]["title"] == "青少年要警惕新型毒品伪装"
    assert calls["chat"]["desc"] == "新型毒品常伪装成饮料、零食。"
    assert calls["chat"]["link"] == ORIGIN + article_path
    assert calls["chat"]["imgUrl"].startswith(ORIGIN + "/media/")
    assert calls["moments"] == {key: calls["chat"][key] for key in ("title", "link", "imgUrl")}
    assert errors == []


def test_outside_wechat_nothing_is_loaded_nor_signed(files, article_path, browser_page):
    page, asked = browser_page, []
    errors = serve(page, files, asked)
    page.goto(ORIGIN + article_path)
    page.wait_for_load_state("load")
    assert "MicroMessenger" not in page.evaluate("navigator.userAgent")
    assert page.locator("meta[name='wechat-jssdk']").count() == 1  # named, yet not used
    assert page.evaluate("typeof window.wx") == "undefined"
    assert page.locator(f"script[src='{SDK}']").count() == 0
    assert not any("/wechat/jssdk/" in url or "jweixin" in url for url in asked)
    assert errors == []
