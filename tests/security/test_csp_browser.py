"""The real Content-Security-Policy in a real Chromium refuses nothing the site itself uses:
the home page, an article, a quiz page, the booking pages, sign-in, sign-up, joining a class
and search for a visitor; the Wagtail admin's pages (every menu entry, the page editor with
its live preview, image editing) for an editor."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from tests.booking_factories import at, make_slot, make_venue
from tests.browser import chromium, page_errors, phone_page
from tests.factories import add_article, make_image, make_superuser, make_user
from tests.quiz.taking import build_world
from tests.security.csp_watch import refusals, watch

pytestmark = [pytest.mark.browser]


def session_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": live_server.url,
    }


def admin_menu_urls(user) -> list[str]:
    """Every page the admin menu links to, as the editor's dashboard lists them."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls, items = [], list(admin_menu.menu_items_for_request(request))
    while items:
        item = items.pop(0)
        if getattr(item, "menu", None) is not None:
            items += item.menu.menu_items_for_request(request)
        elif item.url.startswith("/admin/"):
            urls.append(item.url)
    return sorted(set(urls))


@pytest.fixture
def site_paths(live_server):
    """What the visitor and the editor open, made before the browser starts."""
    world = build_world()
    article = add_article(
        world.tree.news,
        "青少年要警惕新型毒品伪装",
        "冰毒是一种合成毒品。",
        cover_image=make_image("禁毒宣传封面"),
    )
    slot = make_slot(make_venue(), at(2, 9))
    editor = make_superuser()
    return {
        "public": [
            "/",
            article.url,
            world.quiz.url,
            reverse("booking:venues"),
            reverse("account_login"),
            reverse("account_signup"),
            reverse("join_by_code"),
            "/search/?q=冰毒",
            reverse("booking:slot", args=[slot.pk]),
        ],
        "booking": reverse("booking:book_public", args=[slot.pk]),
        "visitor": session_cookie(make_user("visitor@example.cn"), live_server),
        "editor": session_cookie(editor, live_server),
        "article_edit": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "admin": [
            "/admin/",
            reverse("wagtailadmin_explore", args=[world.tree.news.pk]),
            reverse("wagtailimages:edit", args=[article.cover_image.pk]),
            reverse("wagtailimages:add_multiple"),
            *admin_menu_urls(editor),
        ],
    }


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # scripts run after load


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_break_no_rule(live_server, site_paths):
    with chromium() as browser:
        page = phone_page(browser)
        console, errors = watch(page), page_errors(page)
        found = []
        for path in site_paths["public"]:
            visit(page, live_server.url + path)
            assert page.evaluate("document.querySelector('link[rel=stylesheet]').sheet !== null")
            found += refusals(page, console)
        page.context.add_cookies([site_paths["visitor"]])
        visit(page, live_server.url + site_paths["booking"])
        found += refusals(page, console)
        # An inline script is refused, and the watch sees it.
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.ran = true";
                document.body.append(script);
            }"""
        )
        page.wait_for_timeout(300)
        refused = refusals(page, console)
        ran = page.evaluate("window.ran === true")
    assert found == []
    assert refused and not ran
    assert errors == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_pages_and_preview_break_no_rule(live_server, site_paths):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        context.add_cookies([site_paths["editor"]])
        page = context.new_page()
        page.set_default_timeout(20_000)
        console, errors = watch(page), page_errors(page)
        found, visited = [], []
        for path in site_paths["admin"]:
            visit(page, live_server.url + path)
            visited.append(path)
            found += refusals(page, console)

        visit(page, live_server.url + site_paths["article_edit"])
        page.locator("[data-side-panel-toggle='preview']").click()
        preview = page.frame_locator("#w-preview-iframe")
        preview.get_by_role("heading", name="青少年要警惕新型毒品伪装", level=1).wait_for()
        found += refusals(page, console)
    assert len(visited) > 10
    assert found == []
    assert errors == []
