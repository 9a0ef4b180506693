"""A file that cannot be a roster is refused as a whole with a message that says why, and
nothing is written: no import kept, no student touched."""

import io
import zipfile

import pytest
from PIL import Image

from education.models import RosterImport, Student
from education.roster_files import MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_ROWS
from tests.schools.roster_uploads import HEADER, csv_bytes, upload, upload_file, xlsx_bytes

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#c62828").save(buffer, "PNG")
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def bomb_bytes() -> bytes:
    """A small XLSX whose sheet inflates past the limit."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(MAX_INFLATED_BYTES // len(chunk) + 1):
                sheet.write(chunk)
    return buffer.getvalue()


def many_rows_csv(count: int) -> bytes:
    return csv_bytes([[f"S{n:06d}", f"学生{n}", "七年级", "1班"] for n in range(count)])


BAD_FILES = {
    "wrong columns": (
        "名册.csv",
        lambda: csv_bytes([["1", "张三", "七年级", "1班"]], header=["编号", "名字", "年级", "班"]),
        "找不到表头：名册需要“学号、姓名、年级、班级”四列，文件第一行是“编号、名字、年级、班”",
    ),
    "empty": ("名册.csv", lambda: b"", "文件是空的"),
    "blank lines only": ("名册.csv", lambda: b"\r\n,,,\r\n\r\n", "文件里没有任何内容"),
    "header only": ("名册.xlsx", lambda: xlsx_bytes([]), "文件里只有表头，没有学生名单"),
    "too many rows": ("名册.csv", lambda: many_rows_csv(MAX_ROWS + 1), "学生超过 10000 行"),
    "too large": ("名册.csv", lambda: b"a" * (MAX_FILE_BYTES + 1), "文件超过 5 MB"),
    "broken xlsx": (
        "名册.xlsx",
        lambda: xlsx_bytes([["1", "张三", "七年级", "1班"]])[:900],
        "Excel 文件已损坏",
    ),
    "broken sheet": (
        "名册.xlsx",
        lambda: zip_bytes({"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<wb"}),
        "Excel 文件已损坏",
    ),
    "png renamed xlsx": ("名册.xlsx", png_bytes, "这不是表格文件"),
    "zip renamed xlsx": ("名册.xlsx", lambda: zip_bytes({"a.txt": b"hello"}), "这不是表格文件"),
    "csv renamed xlsx": (
        "名册.xlsx",
        lambda: csv_bytes([["1", "张三", "七年级", "1班"]]),
        "Excel 文件已损坏",
    ),
    "old xls": ("名册.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "旧版 Excel"),
    "word file": (
        "名册.docx",
        lambda: zip_bytes({"[Content_Types].xml": b"", "word/document.xml": b""}),
        "这不是表格文件",
    ),
    "text file": ("名册.txt", lambda: "\t".join(HEADER).encode(), "这不是表格文件"),
    "xlsx bomb": ("名册.xlsx", bomb_bytes, "文件解压后过大（超过 25 MB）"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_and_nothing_is_written(client, schools, case):
    name, content, message = BAD_FILES[case]
    students = list(Student.objects.values_list("pk", "name", "active", "school_class"))
    client.force_login(schools.coordinator_a)

    response = upload(client, schools.school_a, upload_file(name, content()))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RosterImport.objects.exists()
    assert list(Student.objects.values_list("pk", "name", "active", "school_class")) == students
