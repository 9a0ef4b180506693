"""Minors' names are kept no longer than needed: a committed import keeps only its report of
what changed, and uploads left uncommitted for a week are deleted at the next upload, of any
school."""

import datetime

import pytest
from django.utils import timezone

from education.models import RosterImport
from education.roster_import import PENDING_DAYS, upload_roster
from tests.schools.roster_uploads import csv_file

pytestmark = pytest.mark.django_db

ROWS = [["0799001", "王一", "七年级", "1班"]]


def test_stale_uploads_are_deleted_at_the_next_upload(schools):
    def uploaded(school, days_ago: int, *, committed: bool = False) -> RosterImport:
        roster_import = upload_roster(
            school, csv_file(ROWS), by=schools.coordinator_a, deactivate_missing=False
        )
        then = timezone.now() - datetime.timedelta(days=days_ago)
        RosterImport.objects.filter(pk=roster_import.pk).update(
            created_at=then, committed_at=then if committed else None
        )
        return roster_import

    stale = uploaded(schools.school_a, PENDING_DAYS + 1)
    recent = uploaded(schools.school_a, PENDING_DAYS - 1)
    committed = uploaded(schools.school_a, 400, committed=True)
    other_school = uploaded(schools.school_b, PENDING_DAYS + 1)

    latest = upload_roster(
        schools.school_a, csv_file(ROWS), by=schools.coordinator_a, deactivate_missing=False
    )

    kept = set(RosterImport.objects.values_list("pk", flat=True))
    assert kept == {recent.pk, committed.pk, latest.pk}
    assert not kept & {stale.pk, other_school.pk}
