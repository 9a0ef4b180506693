"""The downloadable roster templates: an XLSX with the header, the school's classes listed on
a sheet and offered in drop-down lists, and notes; a CSV with the header in UTF-8 with a
byte-order mark. Filled in, either imports without a problem."""

import codecs
import io
from urllib.parse import quote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from education.models import RosterImport, Student
from tests.school_factories import make_class, make_school
from tests.schools.roster_uploads import HEADER, commit_url, upload, upload_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, schools):
    make_class(schools.school_a, 10, "2班")
    client.force_login(schools.coordinator_a)
    return schools.coordinator_a


def download(client, name: str, school):
    response = client.get(reverse(name, args=[school.pk]))
    assert response.status_code == 200
    return response.content, response


def test_the_xlsx_template(client, schools, coordinator):
    content, response = download(client, "school_roster_template", schools.school_a)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = "attachment; filename*=utf-8''" + quote("东城实验中学-花名册模板.xlsx")
    assert response["Content-Disposition"] == disposition
    workbook = load_workbook(io.BytesIO(content))
    roster, listing, notes, _options = workbook.worksheets
    assert [cell.value for cell in roster[1]] == HEADER
    assert roster.column_dimensions["A"].number_format == "@"
    lists = {str(v.sqref): v.formula1 for v in roster.data_validations.dataValidation}
    assert lists == {"C2:C10001": "'下拉选项'!$A$1:$A$2", "D2:D10001": "'下拉选项'!$B$1:$B$2"}
    assert [[c.value for c in row] for row in listing.iter_rows(min_row=2)] == [
        ["七年级", "1班", schools.class_a.code],
        ["高一", "2班", schools.school_a.classes.get(name="2班").code],
    ]
    assert "东城实验中学 学生花名册填写说明" == notes["A1"].value


def test_a_filled_xlsx_template_imports(client, schools, coordinator):
    content, _response = download(client, "school_roster_template", schools.school_a)
    workbook = load_workbook(io.BytesIO(content))
    roster = workbook.worksheets[0]
    roster.append(["0701003", "张三", "七年级", "1班"])
    roster.append(["1002001", "李四", "高一", "2班"])
    filled = io.BytesIO()
    workbook.save(filled)

    upload(client, schools.school_a, upload_file("花名册.xlsx", filled.getvalue()))
    client.post(commit_url(RosterImport.objects.get()))

    assert set(
        Student.objects.filter(number__in=["0701003", "1002001"]).values_list("name", flat=True)
    ) == {"张三", "李四"}


def test_the_csv_template(client, schools, coordinator):
    content, response = download(client, "school_roster_template_csv", schools.school_a)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert content == codecs.BOM_UTF8 + "学号,姓名,年级,班级\r\n".encode()
    upload(
        client,
        schools.school_a,
        upload_file("花名册.csv", content + "0701003,张三,七年级,1班\r\n".encode()),
    )
    client.post(commit_url(RosterImport.objects.get()))
    assert Student.objects.filter(number="0701003", name="张三").exists()


def test_a_school_without_classes_gets_a_template_too(client, schools):
    empty = make_school("东城第三中学", schools.district)
    client.force_login(schools.city_admin)
    content, _response = download(client, "school_roster_template", empty)
    roster = load_workbook(io.BytesIO(content)).worksheets[0]
    assert [cell.value for cell in roster[1]] == HEADER
    assert not roster.data_validations.dataValidation
