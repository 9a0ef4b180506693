"""A visitor on a phone: home page, an article, then a search for 冰毒, in a real Chromium."""

import os
from pathlib import Path

import pytest

from tests.factories import build_content, build_site

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser]


@pytest.fixture
def site_content():
    """The site, built before the browser starts, with what the test looks for.

    Queries made while Playwright's event loop runs in this thread would open a database
    connection of their own that nothing closes, so the test itself makes none.
    """
    content = build_content(build_site())
    return {
        "article_title": content["ice"].title,
        "article_url": content["ice"].url,
        "fact_title": content["fact"].title,
        "draft_title": content["draft"].title,
    }


@pytest.fixture
def browser_page():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; CI installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN"
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_visitor_reads_an_article_and_searches(live_server, site_content, browser_page):
    expected = site_content
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.screenshot(path=str(ARTIFACTS / "phone-home.png"), full_page=True)

    page.get_by_role("link", name=expected["article_title"]).first.click()
    page.wait_for_url(f"**{expected['article_url']}")
    assert page.locator("h1").inner_text() == expected["article_title"]
    assert "冰毒是一种合成毒品" in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "phone-article.png"), full_page=True)

    search_box = page.get_by_role("searchbox", name="搜索本站")
    assert search_box.is_visible()
    search_box.fill("冰毒")
    search_box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".search-results").inner_text()
    assert expected["article_title"] in results
    assert expected["fact_title"] in results
    assert expected["draft_title"] not in page.content()
    page.screenshot(path=str(ARTIFACTS / "phone-search.png"), full_page=True)

    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
