"""A CSV saved with semicolons or tabs and a title line above its header was refused as
having no header: the delimiter was guessed from the title line alone, which has none. It is
now guessed from the first lines together."""

import pytest

from education.roster_files import read_roster
from tests.schools.roster_uploads import upload_file


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_a_title_line_does_not_hide_the_delimiter(delimiter):
    lines = ["2026学年七年级花名册", "学号;姓名;年级;班级", "20260001;张三;七年级;1班"]
    text = "\r\n".join(line.replace(";", delimiter) for line in lines) + "\r\n"
    rows = read_roster(upload_file("名册.csv", text.encode("utf-8")))
    assert [(row.line, row.number, row.name, row.grade, row.class_name) for row in rows] == [
        (3, "20260001", "张三", "七年级", "1班")
    ]
