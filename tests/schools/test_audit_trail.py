"""Changes staff make to rosters and roles, and exports of school data, leave an entry in
the admin's site history: who, what, when."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from education import roles
from education.roster_import import commit_import, upload_roster
from tests.schools.roster_uploads import csv_file

pytestmark = pytest.mark.django_db


def actions(instance) -> list[tuple[str, object]]:
    entries = ModelLogEntry.objects.filter(object_id=str(instance.pk)).order_by("pk")
    return [(entry.action, entry.user) for entry in entries]


def test_a_committed_roster_import_is_logged(schools):
    upload = upload_roster(
        schools.school_a,
        csv_file([["2026079999", "新同学", "七年级", "1班"]]),
        by=schools.coordinator_a,
        deactivate_missing=False,
    )
    commit_import(upload, by=schools.coordinator_a)
    assert actions(schools.school_a) == [("education.roster_import", schools.coordinator_a)]


def test_role_requests_and_decisions_are_logged(schools, teacher):
    role = roles.request_role(teacher, schools.school_a, "德育处主任")
    roles.decide(role, schools.officer, "approve")
    roles.decide(role, schools.officer, "revoke")
    assert actions(role) == [
        ("education.coordinator_request", teacher),
        ("education.coordinator_approve", schools.officer),
        ("education.coordinator_revoke", schools.officer),
    ]


def test_an_export_of_a_school_is_logged(client, schools):
    client.force_login(schools.coordinator_a)
    response = client.get(reverse("school_dashboard_export", args=[schools.school_a.pk]))
    assert response.status_code == 200
    assert actions(schools.school_a) == [("education.export", schools.coordinator_a)]
