"""Two attempts submitted at once may be counted in either order: "first" means first by
submission time, so the kept Result and days match what ``rebuild_rates`` recomputes."""

import datetime

import pytest
from django.utils import timezone

from tests.rates.rebuild_runs import rebuild
from tests.rates.submissions import class_counts, progress, result_of, submit

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_an_earlier_attempt_counted_later_becomes_the_first(schools):
    student = schools.class_a.students.first()
    now = timezone.now()
    submit(student, 70, period=schools.period, at=now)
    earlier = submit(student, 50, period=schools.period, at=now - DAY)

    result = result_of(student, schools.period)
    assert (result.first_score, result.first_attempt_at) == (50, earlier.submitted_at)
    assert class_counts(schools.class_a, schools.period) == (1, 0, 70)
    assert progress(schools.period) == [
        (timezone.localdate(now - DAY), 1, 0),
        (timezone.localdate(now), 0, 0),
    ]
    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]


def test_an_earlier_pass_counted_later_moves_the_pass_to_its_day(schools):
    student = schools.class_a.students.first()
    now = timezone.now()
    submit(student, 90, period=schools.period, at=now)
    earlier = submit(student, 85, period=schools.period, at=now - 2 * DAY)

    result = result_of(student, schools.period)
    assert result.first_passed_at == earlier.submitted_at
    assert class_counts(schools.class_a, schools.period) == (1, 1, 90)
    assert progress(schools.period) == [
        (timezone.localdate(now - 2 * DAY), 1, 1),
        (timezone.localdate(now), 0, 0),
    ]
    assert rebuild("--dry-run") == ["计数与答题记录一致，没有差异。"]
