"""The school dashboard's XLSX export names the students who have not passed: each export is
in the audit trail with who took it, the period and how many students it names."""

import pytest
from django.urls import reverse

from tests.data_safety.export_logs import logged_export


@pytest.mark.django_db
def test_school_export_is_logged(client, schools):
    client.force_login(schools.coordinator_a)

    response = client.get(reverse("school_dashboard_export", args=[schools.school_a.pk]))

    assert response.status_code == 200
    assert logged_export("education.export", schools.coordinator_a) == {
        "period": schools.period.pk,
        "students": 2,
    }
