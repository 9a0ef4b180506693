"""Who reaches the school roles pages: "my schools" needs a login; a district's approval page
is for its officers and the city admins, and is a 404 for everyone else, GET and POST."""

import pytest
from django.urls import reverse

from education.models import Coordinator
from tests.factories import make_superuser
from tests.schools.roles_helpers import MY_URL, approval_url, pending_request

pytestmark = pytest.mark.django_db


def test_the_pages_are_at_their_urls(schools):
    assert reverse("my_roles") == MY_URL
    assert approval_url(schools.district) == f"/district/{schools.district.pk}/coordinators/"


def test_anonymous_users_are_sent_to_login(client, schools):
    for url in (MY_URL, approval_url(schools.district)):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "own", "other"),
    [
        ("coordinator_a", 404, 404),
        ("coordinator_b", 404, 404),
        ("officer", 200, 404),
        ("other_officer", 404, 200),
        ("city_admin", 200, 200),
    ],
)
def test_the_approval_page_by_persona(client, schools, persona, own, other):
    client.force_login(getattr(schools, persona))
    assert client.get(approval_url(schools.district)).status_code == own
    assert client.get(approval_url(schools.other_district)).status_code == other


def test_a_user_without_a_role_and_a_superuser(client, schools, teacher):
    client.force_login(teacher)
    assert client.get(approval_url(schools.district)).status_code == 404
    assert client.get(MY_URL).status_code == 200
    client.force_login(make_superuser())
    assert client.get(approval_url(schools.district)).status_code == 200


def test_a_missing_district_is_not_found_even_for_the_city(client, schools):
    client.force_login(schools.city_admin)
    assert client.get("/district/999999/coordinators/").status_code == 404


@pytest.mark.parametrize("persona", ["coordinator_a", "other_officer"])
def test_outsiders_cannot_decide(client, schools, persona):
    role = pending_request(schools.school_a)
    client.force_login(getattr(schools, persona))
    response = client.post(approval_url(schools.district), {"role": role.pk, "action": "approve"})
    assert response.status_code == 404
    role.refresh_from_db()
    assert role.status == Coordinator.Status.PENDING
    assert role.decided_by is None


def test_an_officer_cannot_decide_for_another_district_through_their_own_page(client, schools):
    role = pending_request(schools.school_c)
    client.force_login(schools.officer)
    response = client.post(
        approval_url(schools.district), {"role": role.pk, "action": "approve"}, follow=True
    )
    assert "找不到该申请" in response.content.decode()
    role.refresh_from_db()
    assert role.status == Coordinator.Status.PENDING


def test_the_approval_page_lists_only_its_district(client, schools):
    pending_request(schools.school_a, "a.pending@example.cn")
    pending_request(schools.school_c, "c.pending@example.cn")
    client.force_login(schools.officer)
    html = client.get(approval_url(schools.district)).content.decode()
    assert "a.pending@example.cn" in html
    assert "c.pending@example.cn" not in html
    assert "东城实验中学" in html
    assert "西湖小学" not in html
