"""ATTEMPT_RETENTION_DAYS=0 keeps everything; a shorter period reaches more years."""

from io import StringIO

import pytest
from django.core.management import call_command

from education.models import Attempt, Result
from tests.data_safety.old_results import build_old_results


@pytest.mark.django_db
def test_zero_keeps_every_attempt(settings):
    settings.ATTEMPT_RETENTION_DAYS = 0
    results = build_old_results()
    call_command("purge_personal_data", stdout=StringIO())
    assert Result.objects.filter(period=results.old).count() == 7
    assert not Attempt.objects.filter(period=results.old, student__isnull=True).exists()
    results.old.refresh_from_db()
    assert results.old.purged_at is None


@pytest.mark.django_db
def test_retention_longer_than_the_age_keeps_the_year(settings):
    settings.ATTEMPT_RETENTION_DAYS = 6 * 365
    results = build_old_results()
    call_command("purge_personal_data", stdout=StringIO())
    assert Result.objects.filter(period=results.old).count() == 7
