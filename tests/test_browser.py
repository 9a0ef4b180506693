"""A visitor on a phone: home page, an article, then a search for 冰毒, in a real Chromium."""

import pytest

from tests.browser import ARTIFACTS, assert_no_sideways_scroll, chromium, page_errors, phone_page
from tests.factories import build_content, build_site

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
    with chromium() as browser:
        yield phone_page(browser, **PHONE, timeout=15_000)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_visitor_reads_an_article_and_searches(live_server, site_content, browser_page):
    expected = site_content
    page = browser_page
    errors = page_errors(page)

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

    assert_no_sideways_scroll(page)
    assert errors == []
