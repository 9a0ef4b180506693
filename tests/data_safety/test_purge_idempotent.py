"""The purge works in batches and a second run finds nothing left to do; each run is in the
audit trail with what it did."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from education.models import Attempt
from education.retention import purge_attempts
from tests.data_safety.old_results import build_old_results


@pytest.mark.django_db
def test_batched_then_nothing_left():
    results = build_old_results()
    first = purge_attempts(batch=3)
    assert first.periods == [results.old.name]
    assert first.attempts == len(results.old_attempts)
    assert first.results == 7
    assert not Attempt.objects.filter(period=results.old, student__isnull=False).exists()

    again = purge_attempts(batch=3)
    assert (again.periods, again.results, again.attempts) == ([], 0, 0)


@pytest.mark.django_db
def test_each_run_is_logged():
    build_old_results()
    call_command("purge_personal_data", stdout=StringIO())
    call_command("purge_personal_data", stdout=StringIO())
    entries = ModelLogEntry.objects.filter(action="education.purge_personal_data").order_by("pk")
    assert [entry.data["attempts"] for entry in entries] == [10, 0]
    assert entries[0].data["periods"] == ["2020–2021学年"]
    assert ModelLogEntry.objects.filter(action="booking.purge_contacts").count() == 2
