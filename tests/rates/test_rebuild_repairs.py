"""``rebuild_rates`` reports every kept value that differs from what the attempts say, in
Chinese, one line each; ``--dry-run`` leaves them, a real run fixes them."""

import pytest
from django.core.management import CommandError
from django.utils import timezone

from education.models import DailyProgress, RateCount, Result, School
from tests.rates.rebuild_runs import rebuild
from tests.rates.submissions import class_counts, submit
from tests.school_factories import build_schools, make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    schools = build_schools(students_per_class=3)
    for school_class in (schools.class_a, schools.class_b):
        for student, score in zip(
            school_class.students.order_by("number"), [90, 70, 85], strict=True
        ):
            submit(student, score, period=schools.period)
    return schools


def tamper(schools) -> None:
    RateCount.objects.filter(school_class=schools.class_a).update(participants=2)
    RateCount.objects.filter(school_class=schools.class_b).delete()
    first = schools.class_a.students.order_by("number").first()
    Result.objects.filter(student=first).update(best_score=99, attempts=4)
    DailyProgress.objects.update(new_passes=7)
    School.objects.filter(pk=schools.school_c.pk).update(roster_size=12)


def test_a_dry_run_reports_each_difference_and_changes_nothing(schools):
    tamper(schools)
    first = schools.class_a.students.order_by("number").first()
    period = schools.period.name

    lines = rebuild("--dry-run")

    assert lines == [
        f"学生 {first.name}（{first.number}） 周期 {period}：答题次数 4 → 1",
        f"学生 {first.name}（{first.number}） 周期 {period}：最高得分 99 → 90",
        f"班级 东城实验中学 七年级1班 周期 {period}：参与 2 → 3",
        f"班级 东城第二中学 八年级2班 周期 {period}：参与 0 → 3",
        f"班级 东城第二中学 八年级2班 周期 {period}：达标 0 → 2",
        f"班级 东城第二中学 八年级2班 周期 {period}：最高分合计 0 → 245",
        f"区县 东城区 {timezone.localdate().isoformat()} 周期 {period}：新达标 7 → 4",
        "学校 西湖小学：花名册人数 12 → 3",
        "共 8 处差异（试运行，未修改）。",
    ]
    assert class_counts(schools.class_b, schools.period) is None


def test_a_run_fixes_every_difference(schools):
    tamper(schools)

    lines = rebuild()

    assert lines[-1] == "共 8 处差异，已全部修正。"
    assert class_counts(schools.class_a, schools.period) == (3, 2, 245)
    assert class_counts(schools.class_b, schools.period) == (3, 2, 245)
    first = schools.class_a.students.order_by("number").first()
    assert Result.objects.get(student=first).best_score == 90
    assert rebuild() == ["计数与答题记录一致，没有差异。"]


def test_rows_of_another_period_are_left_to_their_own_run(schools):
    other = make_period("2027–2028学年")
    RateCount.objects.create(
        school=schools.school_c, school_class=schools.class_c, period=other, participants=9
    )

    assert rebuild("--dry-run", "--period", str(schools.period.pk)) == [
        "计数与答题记录一致，没有差异。"
    ]
    assert rebuild("--period", str(other.pk))[0] == (
        f"班级 西湖小学 五年级3班 周期 {other.name}：参与 9 → 0"
    )
    assert not RateCount.objects.filter(period=other).exists()


def test_an_unknown_period_is_refused():
    with pytest.raises(CommandError, match="没有 ID 为 404 的统计周期"):
        rebuild("--period", "404")
