"""The upload page explains the steps, links the templates and lists the school's recent
uploads with who uploaded them and whether they were committed. Its query count is pinned."""

import pytest
from django.urls import reverse

from education.roster_import import upload_roster
from tests.schools.roster_uploads import csv_file, import_url

pytestmark = pytest.mark.django_db

# Session, user, the user's permissions (own and groups'), the school, its recent uploads with
# their uploaders, and the four queries of the site shell.
QUERIES = 10


def test_the_upload_page(client, schools, django_assert_num_queries):
    for _ in range(3):
        upload_roster(
            schools.school_a,
            csv_file([["0799001", "王一", "七年级", "1班"]]),
            by=schools.coordinator_a,
            deactivate_missing=False,
        )
    client.force_login(schools.officer)
    url = import_url(schools.school_a)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        html = client.get(url).content.decode()

    assert html.count("data-import=") == 3
    assert "由 teacher.a@example.cn 上传" in html
    assert html.count("未导入") == 3
    assert reverse("school_roster_template", args=[schools.school_a.pk]) in html
    assert reverse("school_roster_template_csv", args=[schools.school_a.pk]) in html
    assert 'enctype="multipart/form-data"' in html
