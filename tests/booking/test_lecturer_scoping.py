"""A request is seen by the coordinators of its school, its lecturer and the managers; for
anyone else its pages do not exist (404), whatever they post."""

import pytest
from django.urls import reverse

from booking.models import LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, schedule
from tests.booking_factories import at
from tests.factories import make_user

PAGES = ("lecturer_request", "lecturer_report")


@pytest.fixture
def talk(visits):
    return schedule(visits, ask(visits), make_lecturer(), at(3, 14))


def test_the_school_its_lecturer_and_managers_see_it(client, visits, talk):
    for user in (visits.schools.coordinator_a, talk.lecturer.user, visits.manager):
        client.force_login(user)
        response = client.get(reverse("booking:lecturer_request", args=[talk.pk]))
        assert response.status_code == 200
        assert "远离新型毒品" in response.text


def test_another_school_and_strangers_get_404(client, visits, talk):
    outsiders = (
        visits.schools.coordinator_b,
        visits.schools.officer,
        visits.staff,
        make_lecturer("李律师", "lawyer@example.cn").user,
        make_user("someone@example.cn"),
    )
    for user in outsiders:
        client.force_login(user)
        for name in PAGES:
            assert client.get(reverse(f"booking:{name}", args=[talk.pk])).status_code == 404
        cancel = reverse("booking:lecturer_request_cancel", args=[talk.pk])
        assert client.post(cancel).status_code == 404

    talk.refresh_from_db()
    assert talk.status == LecturerRequest.Status.SCHEDULED


def test_the_list_shows_only_the_users_own(client, visits, talk):
    ask(
        visits, topic="学校B的讲座", school=visits.schools.school_b, by=visits.schools.coordinator_b
    )

    client.force_login(visits.schools.coordinator_b)
    response = client.get(reverse("booking:lecturer_requests"))

    assert "学校B的讲座" in response.text
    assert "远离新型毒品" not in response.text


def test_a_lecturer_sees_his_talks(client, visits, talk):
    client.force_login(talk.lecturer.user)
    response = client.get(reverse("booking:lecturer_requests"))

    assert "我的讲座任务" in response.text
    assert "东城实验中学 · 远离新型毒品" in response.text
    assert "申请禁毒讲座" not in response.text


def test_anonymous_visitors_are_sent_to_sign_in(client, talk):
    for url in (
        reverse("booking:lecturer_requests"),
        reverse("booking:lecturer_request", args=[talk.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_manager_is_shown_the_way_to_the_admin(client, visits):
    client.force_login(visits.manager)

    response = client.get(reverse("booking:lecturer_requests"))

    assert reverse("booking_lecturer_requests:index") in response.text
