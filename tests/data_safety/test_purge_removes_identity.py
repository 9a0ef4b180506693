"""The purge removes who took a past year's quizzes (student, account, certificate number,
the students' results) and keeps the anonymous answers; the current year is untouched."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from education.models import Attempt, Result
from education.rate_figures import students_not_passed
from tests.data_safety.old_results import build_old_results
from tests.factories import make_user
from tests.rates.submissions import graded_attempt


@pytest.mark.django_db
def test_old_attempts_lose_identity_current_ones_keep_it():
    results = build_old_results()
    adult = make_user("reader@example.cn")
    old_public = graded_attempt(
        None, 90, period=None, at=timezone.now() - datetime.timedelta(days=1200)
    )
    old_public.user = adult
    old_public.save(update_fields=["user"])
    recent_public = graded_attempt(None, 90, period=None)
    recent_public.user = adult
    recent_public.save(update_fields=["user"])

    call_command("purge_personal_data", stdout=StringIO())

    old = Attempt.objects.filter(pk__in=[a.pk for a in results.old_attempts])
    assert old.count() == len(results.old_attempts)
    assert not old.filter(student__isnull=False).exists()
    assert not old.filter(certificate_code__isnull=False).exists()
    assert all(attempt.answers == {"0": ["a"]} and attempt.score is not None for attempt in old)
    assert not Result.objects.filter(period=results.old).exists()
    results.old.refresh_from_db()
    assert results.old.purged_at is not None
    assert students_not_passed(results.schools.school_a, results.old) == []

    current = Attempt.objects.filter(pk__in=[a.pk for a in results.current_attempts])
    assert current.filter(student__isnull=False).count() == 2
    assert Result.objects.filter(period=results.schools.period).count() == 2
    old_public.refresh_from_db()
    recent_public.refresh_from_db()
    assert old_public.user_id is None
    assert recent_public.user_id == adult.pk
