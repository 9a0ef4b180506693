"""The lecturer requests listing holds the schools' contact phones: its export is logged."""

import pytest
from django.urls import reverse

from tests.booking.lecturer_factories import ask
from tests.booking_factories import build_visits
from tests.data_safety.export_logs import listing_export, logged_export
from tests.factories import make_superuser


@pytest.mark.django_db
def test_lecturer_request_export_is_logged(client):
    visits = build_visits()
    ask(visits)
    admin = make_superuser("auditor@example.cn")
    client.force_login(admin)

    response = client.get(reverse("booking_lecturer_requests:index"), {"export": "xlsx"})

    assert response.status_code == 200
    assert logged_export("booking.export", admin) == listing_export(
        "booking.lecturerrequest", rows=1, query="export=xlsx"
    )
