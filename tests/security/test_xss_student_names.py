"""Student names and numbers from a roster are text on every page that shows them (the
roster, the not-passed list of the dashboard, an import's preview, the certificate check),
and plain data in the dashboard's spreadsheet."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from education.roster_import import upload_roster
from tests.security import personas
from tests.security.xss_checks import SHORT, TINY, assert_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(world):
    # The first student passed the quiz; the second has not, so the dashboard lists them.
    for student in world.students_a[:2]:
        student.name, student.number = SHORT, TINY + str(student.pk)
        student.save()
    return personas.sign_in(Client(), world, "coordinator_a")


def test_roster_page(world, coordinator):
    response = coordinator.get(reverse("school_roster", args=[world.school_a.pk]))
    assert_escaped(response, SHORT, TINY)


def test_not_passed_list(world, coordinator):
    response = coordinator.get(reverse("school_dashboard", args=[world.school_a.pk]))
    assert_escaped(response, SHORT)


def test_import_preview(world, coordinator):
    upload = SimpleUploadedFile("名册.csv", _csv_row(TINY, SHORT), content_type="text/csv")
    roster_import = upload_roster(
        world.school_a, upload, by=world.users["coordinator_a"], deactivate_missing=False
    )
    url = reverse("school_roster_preview", args=[world.school_a.pk, roster_import.pk])
    assert_escaped(coordinator.get(url, {"show": "all"}), SHORT)


def _csv_row(number: str, name: str) -> bytes:
    quoted = '"' + name.replace('"', '""') + '"'
    return f"学号,姓名,年级,班级\n{number},{quoted},7,1班\n".encode()


def test_certificate_check(world, coordinator):
    url = reverse("certificate_verify", args=[world.values["certificate"]])
    assert_escaped(Client().get(url))


def test_export_holds_the_name_as_data(world, coordinator):
    response = coordinator.get(reverse("school_dashboard_export", args=[world.school_a.pk]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    cells = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    ]
    assert SHORT in cells
    assert not any("&lt;" in str(cell) or "&quot;" in str(cell) for cell in cells)
