"""Whatever roster file a coordinator uploads — CSV in UTF-8, GBK, UTF-16 or with a BOM, XLSX
with odd headers, merged cells, formulas, dates, numbers as student numbers, blank rows,
duplicate numbers, very long names, control characters, or bytes that are no table at all —
the upload is refused with a message or kept for its preview, the preview shows, and the
commit either writes every row or nothing: never a half import, never a server error."""

import codecs
import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from education.models import RosterImport
from education.roster_values import normalise_number
from tests.property.examples import assert_answered, assert_explained, isolated_example
from tests.school_factories import build_schools
from tests.schools.roster_uploads import commit_url, import_url, preview_url

pytestmark = pytest.mark.django_db

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x0b"])
# Every grade and class spelling here names school A's 七年级1班; the odd ones name none.
GRADES = st.sampled_from(["七年级", "7", "初一", "7年级", "初中一年级", " 七 年 级 ", "７"])
CLASSES = st.sampled_from(["1班", "1", "(1)班", "（1）班", "01", "１班"])
ODD_GRADES = st.sampled_from(["十三年级", "0", "初四", "高一", "", "七年纪"]) | ANY_TEXT
ODD_CLASSES = st.sampled_from(["2班", "实验班", "", "1 班级"]) | ANY_TEXT
NUMBERS = (
    st.sampled_from(["20260001", "20260002", "2026 0003", "２０２６０００４", "07001001", ""])
    | st.integers(0, 10**12).map(str)
    | st.text("0123456789", min_size=30, max_size=80)
    | ANY_TEXT
)
NAMES = (
    st.sampled_from(["张三", "李四", "欧阳小明", "Ａｌｉｃｅ", " 王 五 ", ""])
    | st.text("赵钱孙李周吴郑王", min_size=40, max_size=120)
    | ANY_TEXT
)


def with_control(text: st.SearchStrategy) -> st.SearchStrategy:
    return st.tuples(text, CONTROL, text).map("".join)


@st.composite
def student_rows(draw) -> list[list]:
    """Rows of 学号, 姓名, 年级, 班级: a clean list, or mostly fine, some odd, some blank."""
    if draw(st.booleans()):  # as a careful coordinator fills it in: every row imports
        clean = st.tuples(st.integers(10**7, 10**8), st.sampled_from(["张三", "李四", "王 五"]))
        rows = draw(st.lists(clean, min_size=1, max_size=12, unique_by=lambda row: row[0]))
        return [[str(number), name, draw(GRADES), draw(CLASSES)] for number, name in rows]
    fine = st.tuples(NUMBERS, NAMES, GRADES, CLASSES)
    odd = st.tuples(
        NUMBERS | with_control(NUMBERS),
        NAMES | with_control(NAMES),
        GRADES | ODD_GRADES,
        CLASSES | ODD_CLASSES,
    )
    blank = st.just(("", "", "", ""))
    rows = draw(st.lists(st.one_of(fine, fine, odd, blank), max_size=12))
    if rows and draw(st.booleans()):  # a student listed twice
        rows.append(draw(st.sampled_from(rows)))
    return [list(row) for row in rows]


HEADERS = st.sampled_from(
    [
        ["学号", "姓名", "年级", "班级"],
        ["学号", "姓名", "年级", "班级"],
        ["学号", "姓名", "年级", "班级"],
        ["学号*", "姓名（必填）", " 年级 ", "班级:"],
        ["学号", "姓名", "年级"],  # a column missing
        ["编号", "名字", "年级", "班级"],
        ["", "", "", ""],
    ]
)


@st.composite
def tables(draw) -> tuple[list, list[list]]:
    """A header, in some column order with extra columns and title rows before it, and the
    rows under it laid out the same way."""
    header = draw(HEADERS)
    rows = draw(student_rows())
    width = len(header) + draw(st.integers(0, 2))
    order = draw(st.permutations(range(width)))

    def laid_out(cells: list) -> list:
        cells = [*cells, *[""] * (width - len(cells))]
        return [cells[i] if i < len(cells) else "" for i in order]

    titles = draw(
        st.lists(st.sampled_from([["2026学年花名册"], [], ["说明：学号必填"]]), max_size=2)
    )
    return titles, [laid_out(header), *(laid_out(row) for row in rows)]


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5"])


@st.composite
def csv_uploads(draw) -> SimpleUploadedFile:
    titles, table = draw(tables())
    text = io.StringIO()
    delimiter = draw(st.sampled_from([",", "\t", ";"]))
    writer = csv.writer(
        text, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))
    )
    writer.writerows([*titles, *table])
    encoding = draw(ENCODINGS)
    data = text.getvalue().encode(encoding, errors="replace")
    name = draw(st.sampled_from(["名册.csv", "ROSTER.CSV", "名册.csv", "名册.txt"]))
    return SimpleUploadedFile(name, data, content_type="text/csv")


# True one time in ten (hypothesis leans toward the ends of a range of integers).
SELDOM = st.sampled_from([False] * 9 + [True])
# What a cell of a real workbook may hold besides text.
XLSX_VALUES = st.sampled_from(
    [
        20260005,
        20260006.0,
        7,
        1.5,
        True,
        "=A1&B1",
        "=1/0",
        datetime.datetime(2026, 9, 1, 8, 0),
        datetime.date(2013, 5, 6),
        datetime.time(9, 30),
        None,
    ]
)


@st.composite
def xlsx_uploads(draw) -> SimpleUploadedFile:
    titles, table = draw(tables())
    workbook = Workbook()
    sheet = workbook.active
    if draw(st.booleans()):  # the roster on a later sheet, the first one something else
        sheet.append(["本表为说明"])
        sheet = workbook.create_sheet("花名册")
    for row in [*titles, *table]:
        cells = [draw(XLSX_VALUES) if cell and draw(SELDOM) else cell for cell in row]
        sheet.append([_xlsx_text(cell) for cell in cells])
    if draw(st.booleans()):  # a title merged across the top, or two cells of the last row
        row = 1 if titles else sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if draw(SELDOM):  # damaged in transit
        data = data[: draw(st.integers(0, len(data)))]
    return SimpleUploadedFile("名册.xlsx", data, content_type="application/octet-stream")


def _xlsx_text(cell):
    """openpyxl refuses the control characters XML cannot carry: a file made by another
    program may still hold their escapes (_x0001_), which openpyxl reads back."""
    if isinstance(cell, str):
        return "".join(c if c >= " " or c in "\t\n\r" else f"_x{ord(c):04X}_" for c in cell)
    return cell


JUNK_UPLOADS = st.builds(
    lambda name, data: SimpleUploadedFile(name, data),
    st.sampled_from(["名册.csv", "名册.xlsx", "名册.xls", "名册"]),
    st.binary(max_size=300)
    | st.sampled_from(
        [
            codecs.BOM_UTF16_LE + "学号,姓名,年级,班级\r\n".encode("utf-16-le"),
            codecs.BOM_UTF8,
            b"PK\x03\x04" + b"\x00" * 40,
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "学号,姓名,年级,班级\n".encode() + b'"unterminated,' + b"x" * 200_000,
        ]
    ),
)


@pytest.fixture
def schools():
    return build_schools(students_per_class=3)


def roster_snapshot(school) -> set[tuple]:
    return set(school.students.values_list("number", "name", "school_class_id", "active"))


@settings(max_examples=60)
@given(
    upload=st.one_of(csv_uploads(), csv_uploads(), xlsx_uploads(), xlsx_uploads(), JUNK_UPLOADS),
    deactivate=st.booleans(),
)
def test_an_import_is_all_or_nothing(client, schools, upload, deactivate):
    school = schools.school_a
    with isolated_example(client):
        client.force_login(schools.coordinator_a)
        before = roster_snapshot(school)
        imports = RosterImport.objects.count()
        data = {"file": upload, **({"deactivate_missing": "on"} if deactivate else {})}
        response = client.post(import_url(school), data)
        assert_answered(response)
        if response.status_code != 302:
            event("upload refused")
            assert_explained(response)
            assert RosterImport.objects.count() == imports
            assert roster_snapshot(school) == before
            return
        roster_import = RosterImport.objects.get()
        assert client.get(preview_url(roster_import)).status_code == 200
        kept_rows = list(roster_import.rows)
        assert client.post(commit_url(roster_import)).status_code == 302
        roster_import.refresh_from_db()
        after = roster_snapshot(school)
        event("committed" if roster_import.committed_at else "commit refused")
        if roster_import.committed_at is None:
            assert after == before
            return
        listed = {normalise_number(row[1]): row[2] for row in kept_rows}
        students = {s.number: s for s in school.students.all()}
        for number, name in listed.items():
            student = students[number]
            assert (student.name, student.school_class_id, student.active) == (
                name,
                schools.class_a.pk,
                True,
            )
        unlisted = {row for row in before if row[0] not in listed}
        still = {row for row in after if row[0] not in listed}
        if deactivate:
            assert still == {(n, name, c, False) for n, name, c, _active in unlisted}
        else:
            assert still == unlisted
