"""The admin's coordinator listing (names and email addresses) taken away as a spreadsheet
is in the audit trail: who, which listing, the filter and the number of rows."""

import pytest
from django.urls import reverse

from tests.data_safety.export_logs import (
    export_entries,
    listing_export,
    logged_export,
    streamed_text,
)
from tests.factories import make_superuser


@pytest.mark.django_db
def test_coordinator_export_is_logged(client, schools):
    admin = make_superuser("auditor@example.cn")
    client.force_login(admin)

    response = client.get(
        reverse("education_coordinators:index"), {"export": "csv", "status": "approved"}
    )

    assert response.status_code == 200
    assert "teacher.a@example.cn" in streamed_text(response)
    assert logged_export("education.export", admin) == listing_export(
        "education.coordinator", rows=2, query="export=csv&status=approved"
    )
    client.get(reverse("education_coordinators:index"))
    assert len(export_entries("education.export")) == 1
