"""The project's real browser for tests marked ``browser``: Debian's Chromium driven by
Playwright, pages the size of a phone, screenshots in test-artifacts/.

Playwright's sync API runs an event loop in the test's thread while the browser is open, so
tests make their database queries before :func:`chromium` starts and after it ends."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# Quiet: no sandbox (containers), no GPU, no updates or first-run calls home.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@contextmanager
def chromium(*args: str) -> Iterator:
    """A Playwright ``Browser`` on Debian's Chromium with ``args`` after the quiet ones.
    Without Chromium the test is skipped (it fails on CI). When the block raises, every page
    still open is saved to test-artifacts/ first, named after the test."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; CI installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*ARGS, *args])
        try:
            yield browser
        except Exception:
            save_open_pages(browser, "failed")
            raise
        finally:
            browser.close()


def save_open_pages(browser, label: str) -> None:
    """A full-page screenshot of each open page, as <test>-<label>-<n>.png."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "browser").split(" ")[0]
    stem = test.rpartition("::")[2] or "browser"
    pages = [page for context in browser.contexts for page in context.pages]
    for number, page in enumerate(pages, start=1):
        page.screenshot(path=str(ARTIFACTS / f"{stem}-{label}-{number}.png"), full_page=True)


def phone_page(browser, *, width: int = 375, height: int = 740, timeout: int = 20_000):
    """A page in a new context of ``browser`` that looks like a phone's: narrow viewport,
    dense screen, touch, a mobile Chrome's User-Agent, Chinese."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        user_agent=PHONE_USER_AGENT,
    )
    page = context.new_page()
    page.set_default_timeout(timeout)
    return page


def page_errors(page) -> list[str]:
    """The JavaScript errors ``page`` raises from now on, as they come."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def assert_no_sideways_scroll(page) -> None:
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide on a {width} px screen"
