"""What the XSS tests send and how they look for it: pages are parsed, so a payload shown
escaped (as text) passes and a payload that became markup fails."""

from html.parser import HTMLParser

from django.test import Client

from tests.security import personas

# For fields of 80 characters or more; SHORT fits 40 (a name), TINY fits 20 (a class name).
PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
SHORT = "\"'><img src=x onerror=alert(1)>"
TINY = "<i onclick=alert(1)>"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.markup: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert(1)" in (value or ""):
                self.markup.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.markup.append(f"<script>{data}</script>")
        self.text.append(data)


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def injected(html: str) -> list[str]:
    """The elements of the payloads that the page turned into markup."""
    return parsed(html).markup


def shown_as_text(html: str, payload: str) -> bool:
    """The payload appears on the page as text (so the test looked at the right page)."""
    return payload in "".join(parsed(html).text)


def assert_escaped(response, *payloads: str) -> None:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert injected(html) == []
    for payload in payloads:
        assert shown_as_text(html, payload), f"{payload!r} is not on the page"


def assert_page_escaped(world, persona: str, url: str, *payloads: str) -> None:
    """``assert_escaped`` for the page at ``url`` as ``persona`` of ``world`` sees it."""
    client = personas.sign_in(Client(), world, persona)
    assert_escaped(client.get(url), *payloads)
