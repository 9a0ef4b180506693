"""Uploads are rate-limited per user: past the limit the page says so with status 429 and
reads nothing; other users upload as usual."""

import pytest

from education.models import RosterImport
from education.roster_views import UPLOAD_RATE
from tests.schools.roster_uploads import csv_file, upload

pytestmark = pytest.mark.django_db

LIMIT = int(UPLOAD_RATE.split("/")[0])
ROWS = [["0799001", "王一", "七年级", "1班"]]


def test_uploads_past_the_limit_are_refused(client, schools):
    client.force_login(schools.coordinator_a)
    for _ in range(LIMIT):
        assert upload(client, schools.school_a, csv_file(ROWS)).status_code == 302

    refused = upload(client, schools.school_a, csv_file(ROWS))

    assert refused.status_code == 429
    assert "上传太频繁，请稍后再试。" in refused.content.decode()
    assert RosterImport.objects.count() == LIMIT
    client.force_login(schools.officer)
    assert upload(client, schools.school_a, csv_file(ROWS)).status_code == 302
