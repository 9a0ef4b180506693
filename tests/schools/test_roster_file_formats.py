"""Roster files as Chinese schools make them: CSV in UTF-8 with or without a byte-order mark,
GBK and GB18030 (Chinese Excel's "CSV"), UTF-16 ("Unicode text"); XLSX with numbers typed as
numbers, a title row above the header, the header decorated or in another order, a sheet
that misstates its size. Each row keeps the line number the coordinator sees."""

import codecs
import io

import pytest
from openpyxl import Workbook

from education.roster_files import RosterRow, read_roster
from tests.schools.roster_uploads import (
    HEADER,
    csv_bytes,
    csv_file,
    sheet_xml_xlsx,
    upload_file,
    xlsx_file,
)

STUDENTS = [["0701001", "张三", "七年级", "1班"], ["0701002", "欧阳娜娜", "初一", "（2）班"]]
EXPECTED = [
    RosterRow(2, "0701001", "张三", "七年级", "1班"),
    RosterRow(3, "0701002", "欧阳娜娜", "初一", "(2)班"),
]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", True), ("utf-8", False), ("gbk", False), ("gb18030", False)]
)
def test_csv_encodings(encoding, bom):
    assert read_roster(csv_file(STUDENTS, encoding=encoding, bom=bom)) == EXPECTED


def test_gb18030_keeps_characters_gbk_lacks():
    rows = read_roster(csv_file([["0701003", "李𠮷", "七年级", "1班"]], encoding="gb18030"))
    assert rows[0].name == "李𠮷"


def test_utf16_tab_separated_text():
    text = "\r\n".join("\t".join(row) for row in [HEADER, *STUDENTS])
    content = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert read_roster(upload_file("名册.csv", content)) == EXPECTED


def test_a_line_in_another_encoding_is_marked_not_guessed():
    """A UTF-8 file with one line pasted in from a GBK file: that row's text keeps U+FFFD
    marks (reported as bad characters), the other rows are read."""
    good = csv_bytes(STUDENTS)
    bad = "0701009,王五,七年级,1班\r\n".encode("gbk")
    rows = read_roster(upload_file("名册.csv", good + bad))
    assert rows[:2] == EXPECTED
    assert rows[2].number == "0701009"
    assert "\ufffd" in rows[2].name


def test_control_characters_are_marked():
    rows = read_roster(csv_file([["0701001", "张\x1b三", "七年级", "1班"]]))
    assert rows[0].name == "张\ufffd三"


@pytest.mark.parametrize(
    "header",
    [
        [" 学 号 ", "姓名 ", "\u3000年级", "班级"],
        ["学号（必填）", "姓名＊", "年级：", "班级\u3000"],
        ["学号", "姓名", "年级", "班级", "备注"],
    ],
)
def test_the_header_is_matched_loosely(header):
    rows = read_roster(csv_file([[*row, "x"] for row in STUDENTS], header=header))
    assert rows == EXPECTED


def test_columns_in_another_order_with_a_title_row_and_blank_lines():
    header = ["姓名", "班级", "备注", "学号", "年级"]
    content = csv_bytes(
        [
            [],
            ["张三", "1班", "", "0701001", "七年级"],
            [],
            ["欧阳娜娜", "（2）班", "", "0701002", "初一"],
        ],
        header=header,
    )
    title = "东城实验中学 2026 级学生名单,,,,\r\n".encode()
    assert read_roster(upload_file("名册.csv", title + content)) == [
        RosterRow(4, "0701001", "张三", "七年级", "1班"),
        RosterRow(6, "0701002", "欧阳娜娜", "初一", "(2)班"),
    ]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_other_delimiters(delimiter):
    text = "\r\n".join(delimiter.join(row) for row in [HEADER, *STUDENTS])
    assert read_roster(upload_file("名册.csv", text.encode())) == EXPECTED


def test_xlsx_with_numbers_typed_as_numbers_and_a_title_row():
    upload = xlsx_file(
        [[20260101, "张三", 7, 1], [20260102.0, " 李四 ", "高一", "3班"]],
        before=[["2026 级花名册"], []],
    )
    assert read_roster(upload) == [
        RosterRow(4, "20260101", "张三", "7", "1"),
        RosterRow(5, "20260102", "李四", "高一", "3班"),
    ]


def test_the_roster_may_be_on_a_later_sheet():
    workbook = Workbook()
    workbook.active.append(["填写说明：每行一名学生"])
    roster = workbook.create_sheet("花名册")
    roster.append(HEADER)
    roster.append(STUDENTS[0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_roster(upload_file("名册.xlsx", buffer.getvalue()))
    assert rows == [EXPECTED[0]]


def test_a_sheet_that_understates_its_size_is_read_to_the_end():
    students = [[f"07010{n:02d}", f"学生{n}", "七年级", "1班"] for n in range(30)]
    rows = read_roster(upload_file("名册.xlsx", sheet_xml_xlsx(students, dimension="A1:D2")))
    assert len(rows) == 30
