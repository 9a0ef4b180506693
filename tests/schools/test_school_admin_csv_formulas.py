"""A teacher's own words (the 职务 of a coordinator request) reach the city office's CSV
export as text, never as a formula Excel would run."""

import csv
import io

import pytest
from django.urls import reverse

from education import roles

pytestmark = pytest.mark.django_db


def test_a_formula_in_a_title_is_exported_as_text(client, schools, teacher):
    roles.request_role(teacher, schools.school_a, '=HYPERLINK("http://evil.example","点我")')
    client.force_login(schools.city_admin)

    response = client.get(reverse("education_coordinators:index"), {"export": "csv"})

    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example","点我")' in cells
    assert not any(cell.startswith("=") for cell in cells)
