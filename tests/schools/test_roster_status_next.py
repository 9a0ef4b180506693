"""Deactivating a student with a ``next`` that is a bare word (not an address) is no server
error: ``redirect()`` would take it for a URL name."""

import pytest

from education.models import Student

pytestmark = pytest.mark.django_db


def test_a_bare_word_next_is_no_error(client, schools):
    client.force_login(schools.coordinator_a)
    student = Student.objects.filter(school_class=schools.class_a).first()
    url = f"/school/{schools.school_a.pk}/roster/students/{student.pk}/status/"
    response = client.post(url, {"active": "0", "next": "school_dashboard"})
    assert response.status_code == 302
    student.refresh_from_db()
    assert not student.active
