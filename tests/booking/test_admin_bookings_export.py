"""The bookings export: the filtered rows as CSV or XLSX with Chinese headings and Shanghai
times, text that starts like a formula kept as text, and a row in the audit log per export."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.booking_factories import book_group, book_public

pytestmark = pytest.mark.django_db

INDEX = "booking_bookings:index"


@pytest.fixture
def manager(client, visits):
    client.force_login(visits.manager)
    return client


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_rows_name_the_visit_and_the_party(manager, visits):
    group = book_group(
        visits.slot, visits.schools.coordinator_a, visits.schools.school_a, students=40
    )
    response = manager.get(reverse(INDEX), {"export": "csv", "pool": "group"})
    (row,) = csv_rows(response)
    assert row["预约码"] == group.code
    assert (row["场馆"], row["场次时间"]) == ("市禁毒教育基地", "2026-12-09 09:00")
    assert (row["学校"], row["区县"], row["类别"], row["状态"]) == (
        "东城实验中学",
        "东城区",
        "学校团体",
        "已确认",
    )
    assert (row["学生人数"], row["教师人数"], row["总人数"]) == ("40", "3", "43")
    assert row["联系电话"] == "13800000001"


def test_a_formula_in_a_contact_name_is_exported_as_text(manager, visits):
    book_public(visits.slot, visits.visitor, contact_name="=1+2", notes="@SUM(A1)")
    (row,) = csv_rows(manager.get(reverse(INDEX), {"export": "csv"}))
    assert (row["联系人"], row["备注"]) == ("'=1+2", "'@SUM(A1)")


def test_xlsx_export_holds_the_rows_in_local_time(manager, visits):
    public = book_public(visits.slot, visits.visitor, contact_name="=1+2")
    response = manager.get(reverse(INDEX), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    row = dict(zip(header, rows[0], strict=True))
    assert len(rows) == 1 and row["预约码"] == public.code
    assert row["场次时间"].strftime("%Y-%m-%d %H:%M") == "2026-12-09 09:00"
    assert row["联系人"] == "=1+2"
    assert sheet["H2"].data_type == "s"


def test_every_export_is_logged_with_its_filters(manager, visits):
    book_public(visits.slot, visits.visitor)
    manager.get(reverse(INDEX), {"export": "csv", "status": "confirmed"})
    manager.get(reverse(INDEX))
    entries = ModelLogEntry.objects.filter(action="booking.export")
    (entry,) = entries
    assert entry.user == visits.manager
    assert entry.data == {
        "listing": "booking.booking",
        "format": "csv",
        "rows": 1,
        "query": "export=csv&status=confirmed",
    }
