"""Quiz results of a school year that ended five years ago (past the three-year retention),
beside results of the current year, with the items item analysis reads, and the figures
that must survive the purge."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from education import rate_figures
from education.item_analysis import item_statistics
from education.models import Attempt, AttemptItem, Period
from tests.rates.submissions import submit
from tests.school_factories import Schools, build_schools, make_period, make_question


@dataclass
class OldResults:
    schools: Schools
    old: Period
    old_attempts: list[Attempt]
    current_attempts: list[Attempt]


def build_old_results() -> OldResults:
    schools = build_schools(students_per_class=5)
    today = timezone.localdate()
    old = make_period(
        "2020–2021学年",
        starts_on=today - datetime.timedelta(days=5 * 365),
        ends_on=today - datetime.timedelta(days=4 * 365),
    )
    taken = timezone.now() - datetime.timedelta(days=5 * 365 - 30)
    question = make_question()
    old_attempts, firsts = [], set()
    for school_class, scores in (
        (schools.class_a, [90, 60, 85, 40]),
        (schools.class_b, [100, 70]),
        (schools.class_c, [80]),
    ):
        students = school_class.students.order_by("number")
        for day, (student, score) in enumerate(zip(students, scores, strict=False)):
            at = taken + datetime.timedelta(days=day)
            old_attempts.append(submit(student, score, period=old, at=at))
            firsts.add(old_attempts[-1].pk)
            # A second, better try for the ones who failed first.
            if score < 80:
                old_attempts.append(
                    submit(student, score + 20, period=old, at=at + datetime.timedelta(hours=1))
                )
    for attempt in old_attempts:
        attempt.certificate_code = f"C{attempt.pk:07d}" if attempt.passed else None
        attempt.save(update_fields=["certificate_code"])
        AttemptItem.objects.create(
            attempt=attempt,
            question=question,
            position=0,
            correct=bool(attempt.passed),
            first=attempt.pk in firsts,
        )
    current = [
        submit(student, 95, period=schools.period)
        for student in schools.class_a.students.order_by("number")[:2]
    ]
    return OldResults(schools, old, old_attempts, current)


def figures(results: OldResults) -> dict:
    """Every aggregate figure of the old year a dashboard, an export or item analysis shows."""
    schools, old = results.schools, results.old
    return {
        "schools": [
            rate_figures.school_figures(school, old)
            for school in (schools.school_a, schools.school_b, schools.school_c)
        ],
        "classes": [
            rate_figures.class_figures(school, old)
            for school in (schools.school_a, schools.school_b, schools.school_c)
        ],
        "district": rate_figures.district_school_figures(schools.district, old),
        "city": rate_figures.city_figures(old),
        "city_districts": rate_figures.city_district_figures(old),
        "ranking": rate_figures.city_school_ranking(old),
        "timeline": rate_figures.timeline(old),
        "items": [(stat.question.pk, stat.sums) for stat in item_statistics()],
    }
