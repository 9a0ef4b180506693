"""No name or student number of school A's children reaches a persona who may not see
them: not on any page the permission table lets them open, nor in a spreadsheet export
(opened and read), the site search, the feeds or the sitemap. School A's coordinator and
the admin may; the identified student sees their own name and nobody else's."""

import csv
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests.security import personas
from tests.security.test_permission_matrix import ROWS

pytestmark = pytest.mark.django_db

MAY_SEE = {"coordinator_a", "admin"}
WRONG_PERSONAS = [p for p in personas.PERSONAS if p not in MAY_SEE]

# Spreadsheets and other downloads, with their query strings.
EXPORTS = [
    ("school_dashboard_export", {"school_id": "school_a"}, ""),
    ("school_dashboard_export", {"school_id": "school_b"}, ""),
    ("district_dashboard_export", {"district_id": "district_a"}, ""),
    ("district_dashboard_export", {"district_id": "district_b"}, ""),
    ("school_roster_template", {"school_id": "school_b"}, ""),
    ("school_roster_template_csv", {"school_id": "school_b"}, ""),
    ("city_rates:export", {}, ""),
    ("booking_bookings:index", {}, "export=xlsx"),
    ("booking_bookings:index", {}, "export=csv"),
    ("education_schools:index", {}, "export=csv"),
    ("education_coordinators:index", {}, "export=xlsx"),
    ("item_analysis:index", {}, "export=xlsx"),
    ("item_analysis:index", {}, "export=csv"),
    ("wechat_followers:index", {}, "export=csv"),
]


def secrets_for(persona: str) -> list[str]:
    """School A's names and numbers the persona must not meet."""
    roster = personas.ROSTER_A[1:] if persona == "student" else personas.ROSTER_A
    return [text for pair in roster for text in pair]


def readable(response) -> str:
    """The text of a page, a CSV or the cells of an XLSX workbook."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    text = body.decode("utf-8-sig", errors="replace")
    if response.get("Content-Type", "").startswith("text/csv"):
        return " ".join(" ".join(row) for row in csv.reader(io.StringIO(text)))
    return text


def leaks(world, persona: str, urls: list[str]) -> list[str]:
    """Each of school A's names and numbers the persona is shown at one of ``urls``."""
    client = personas.sign_in(Client(), world, persona)
    secrets = secrets_for(persona)
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            text = readable(response)
            found += [f"{url}: {secret}" for secret in secrets if secret in text]
    return found


def url_of(world, name: str, kwargs: dict, query: str = "") -> str:
    url = reverse(name, kwargs={key: world.value(word) for key, word in kwargs.items()})
    return f"{url}?{query}" if query else url


@pytest.mark.parametrize("persona", WRONG_PERSONAS)
def test_no_page_shows_school_a_students(world, persona):
    urls = [url_of(world, row.name, row.kwargs) for row in ROWS if row.expected[persona] == 200]
    found = leaks(world, persona, urls)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("persona", WRONG_PERSONAS)
def test_no_export_holds_school_a_students(world, persona):
    urls = [url_of(world, name, kwargs, query) for name, kwargs, query in EXPORTS]
    found = leaks(world, persona, urls)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("persona", personas.PERSONAS)
def test_search_feeds_and_sitemap_hold_no_student(world, persona):
    client = personas.sign_in(Client(), world, persona)
    secrets = [text for pair in personas.ROSTER_A + personas.ROSTER_B for text in pair]
    urls = [f"{reverse('search')}?q={secret}" for secret in secrets[:4]]
    urls += [reverse(name) for name in ("article_feed_rss", "article_feed_atom", "sitemap")]
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        # The search page repeats the query; no result may name a student.
        shown = text.replace(url.partition("q=")[2], "") if "q=" in url else text
        found += [f"{url}: {secret}" for secret in secrets if secret in shown]
    assert not found, "\n".join(found)
