"""Uploads left uncommitted for a week go at any school's next upload, not only the same
school's: minors' names are kept no longer than needed. Each upload deletes a bounded batch."""

import datetime

import pytest
from django.utils import timezone

from education import roster_import as roster_import_module
from education.models import RosterImport
from education.roster_import import PENDING_DAYS, upload_roster
from tests.schools.roster_uploads import csv_file

pytestmark = pytest.mark.django_db

ROWS = [["0799001", "王一", "七年级", "1班"]]


def upload(schools, school) -> RosterImport:
    return upload_roster(school, csv_file(ROWS), by=schools.coordinator_a, deactivate_missing=False)


def backdate(*roster_imports: RosterImport, days: int) -> None:
    then = timezone.now() - datetime.timedelta(days=days)
    RosterImport.objects.filter(pk__in=[i.pk for i in roster_imports]).update(created_at=then)


def test_another_schools_stale_upload_goes(schools):
    stale = upload(schools, schools.school_b)
    recent = upload(schools, schools.school_c)
    backdate(stale, days=PENDING_DAYS + 1)
    backdate(recent, days=PENDING_DAYS - 1)

    latest = upload(schools, schools.school_a)

    assert set(RosterImport.objects.values_list("pk", flat=True)) == {recent.pk, latest.pk}


def test_an_upload_deletes_a_bounded_batch(schools, monkeypatch):
    monkeypatch.setattr(roster_import_module, "PURGE_BATCH", 2)
    stale = [upload(schools, school) for school in (schools.school_a, schools.school_b)]
    stale.append(upload(schools, schools.school_c))
    backdate(*stale, days=PENDING_DAYS + 1)

    upload(schools, schools.school_a)

    assert RosterImport.objects.count() == 1 + 1
    upload(schools, schools.school_a)
    assert RosterImport.objects.count() == 2
