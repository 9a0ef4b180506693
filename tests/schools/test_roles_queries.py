"""Query counts of "my schools" and of the approval page are pinned, whatever the number of
schools, districts and requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import Coordinator, DistrictOfficer
from tests.school_factories import make_district, make_school
from tests.schools.roles_helpers import MY_URL, approval_url, pending_request

pytestmark = pytest.mark.django_db

# Session, user, the user's coordinator roles, officer roles with their pending counts, the
# user's and groups' permissions (is the user a city admin?), the site shell (site, platform
# settings, menu restrictions, menu pages) and the districts of the request form. The page
# knows whether to show the 「我的学校」 link without asking again.
MY_QUERIES = 11
# With a district chosen: the district, and its schools.
MY_QUERIES_WITH_DISTRICT = 13
# Session, user, the permissions, the district, its requests and coordinators, the shell.
APPROVAL_QUERIES = 10


def queries(client, url: str, params=None) -> int:
    client.get(url, params)  # warm what a running site keeps (the site root, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def more_of_everything(schools) -> None:
    for number in range(3):
        district = make_district(f"新区{number}", 10 + number)
        school = make_school(f"新区第{number}中学", district)
        DistrictOfficer.objects.create(user=schools.officer, district=district)
        Coordinator.objects.create(
            user=schools.coordinator_a, school=school, status=Coordinator.Status.APPROVED
        )
        pending_request(school, f"waiting{number}@example.cn")
        pending_request(schools.school_b, f"b.waiting{number}@example.cn")
        Coordinator.objects.create(user=schools.officer, school=school)


@pytest.mark.parametrize("persona", ["coordinator_a", "officer", "city_admin"])
def test_my_schools(client, schools, persona):
    client.force_login(getattr(schools, persona))
    before = queries(client, MY_URL)
    with_district = queries(client, MY_URL, {"district": schools.district.pk})
    more_of_everything(schools)
    assert queries(client, MY_URL) == before == MY_QUERIES
    assert (
        queries(client, MY_URL, {"district": schools.district.pk})
        == with_district
        == MY_QUERIES_WITH_DISTRICT
    )


@pytest.mark.parametrize("persona", ["officer", "city_admin"])
def test_approval_page(client, schools, persona):
    client.force_login(getattr(schools, persona))
    pending_request(schools.school_a)
    before = queries(client, approval_url(schools.district))
    more_of_everything(schools)
    assert queries(client, approval_url(schools.district)) == before == APPROVAL_QUERIES
