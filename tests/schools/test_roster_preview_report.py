"""The preview reports every row: what it will do (new, updated, unchanged) or what is wrong
with it (missing field, duplicate number within the file, grade or class the school does not
have, value too long, bad characters), with a summary; a file with problems cannot be
committed. The page's query count does not grow with the file."""

import pytest

from education.models import Student
from education.roster_import import review_import, upload_roster
from tests.school_factories import make_class
from tests.schools.roster_uploads import csv_file, upload

pytestmark = pytest.mark.django_db

# Session, user, the user's permissions (own and groups'), the school, the import, its
# classes and students, and the four queries of the site shell.
QUERIES = 12


@pytest.fixture
def existing(schools) -> list[Student]:
    make_class(schools.school_a, 7, "2班")
    return list(Student.objects.filter(school=schools.school_a).order_by("number"))


def mixed_rows(existing: list[Student]) -> list[list[str]]:
    renamed, same = existing
    return [
        ["0799001", "王小明", "七年级", "(2)班"],  # line 2: new
        ["0799002", "", "七年级", "1班"],  # 3: no name
        ["0799003", "赵一", "7", "1"],  # 4: same number as line 6
        ["0799004", "钱二", "七年级", "9班"],  # 5: no such class
        ["0799003", "孙三", "初一", "1班"],  # 6: same number as line 4
        ["0799005", "李" * 41, "七年级", "1班"],  # 7: name too long
        ["0799006", "周\ufffd", "七年级", "1班"],  # 8: bad characters
        ["0799007", "吴四", "初四", "1班"],  # 9: no such grade
        [renamed.number, "郑五", "七年级", "（2）班"],  # 10: renamed and moved
        [same.number, same.name, "初一", "1班"],  # 11: unchanged
    ]


def test_each_row_is_reported(schools, existing):
    roster_import = upload_roster(
        schools.school_a,
        csv_file(mixed_rows(existing)),
        by=schools.coordinator_a,
        deactivate_missing=False,
    )
    report = review_import(roster_import)
    by_line = {row.line: row for row in report.rows}

    assert [by_line[line].status for line in range(2, 12)] == [
        "new",
        "error",
        "error",
        "error",
        "error",
        "error",
        "error",
        "error",
        "updated",
        "unchanged",
    ]
    assert by_line[3].issue_messages == ["缺少姓名"]
    assert by_line[4].issue_messages == ["学号与第 6 行重复"]
    assert by_line[6].issue_messages == ["学号与第 4 行重复"]
    assert by_line[5].issue_messages == ["本校没有“七年级9班”，请先在班级管理中添加"]
    assert by_line[7].issue_messages == ["姓名超过 40 个字"]
    assert by_line[8].issue_messages == ["姓名含有无法识别的字符，请确认文件编码为 UTF-8 或 GBK"]
    assert by_line[9].issue_messages == ["无法识别的年级“初四”，请写成“七年级”“初一”“高一”等"]
    assert by_line[10].change_messages == [
        f"姓名：{existing[0].name} → 郑五",
        "班级：七年级1班 → 七年级2班",
    ]
    assert report.counts == {"new": 1, "updated": 1, "unchanged": 1, "error": 7, "absent": 0}
    assert report.unknown_classes == ["七年级9班"]
    assert report.has_errors


def test_every_problem_of_a_row_is_listed_at_once(schools):
    rows = [["0799001", "", "", ""], ["", "张三", "七年级", "1班"], ["0799002", "", "八年级", "9"]]
    roster_import = upload_roster(
        schools.school_a, csv_file(rows), by=schools.coordinator_a, deactivate_missing=False
    )

    first, second, third = review_import(roster_import).rows

    assert first.issue_messages == ["缺少姓名", "缺少年级", "缺少班级"]
    assert second.issue_messages == ["缺少学号"]
    assert third.issue_messages == ["缺少姓名", "本校没有“八年级9班”，请先在班级管理中添加"]


def test_the_preview_page(client, schools, existing, django_assert_num_queries):
    client.force_login(schools.coordinator_a)
    response = upload(client, schools.school_a, csv_file(mixed_rows(existing)))
    url = response["Location"]

    client.get(url)  # warm what a running site keeps (the site root, settings)
    with django_assert_num_queries(QUERIES):
        page = client.get(url)

    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-count="error" class="roster-summary-bad"><dt>有问题</dt><dd>7</dd>' in html
    assert "学号与第 6 行重复" in html
    assert "本校还没有这些班级：七年级9班" in html
    assert 'data-line="2"' not in html  # only the rows with problems, at first
    assert "确认导入" not in html
    everything = client.get(f"{url}?show=all").content.decode()
    assert 'data-line="2" data-status="new"' in everything
    assert 'data-line="10" data-status="updated"' in everything


def test_the_preview_query_count_does_not_grow_with_the_file(
    client, schools, django_assert_num_queries
):
    rows = [[f"0799{n:03d}", f"学生{n}", "七年级", "1班"] for n in range(300)]
    client.force_login(schools.coordinator_a)
    url = upload(client, schools.school_a, csv_file(rows))["Location"]
    client.get(url)
    with django_assert_num_queries(QUERIES):
        html = client.get(f"{url}?show=all&page=3").content.decode()
    assert 'data-line="202"' in html
    assert "确认导入" in html
