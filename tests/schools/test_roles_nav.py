"""The 「我的学校」 link in the main menu shows for signed-in users with a school role (a
request, a coordinator role, a district, the city), at the cost of one query."""

import pytest
from django.contrib.auth.models import AnonymousUser

from education.models import Coordinator
from education.roles import has_school_role
from tests.factories import make_superuser
from tests.schools.roles_helpers import MY_URL, pending_request

pytestmark = pytest.mark.django_db

LINK = f'<li><a href="{MY_URL}">我的学校</a></li>'


def home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("persona", ["coordinator_a", "officer", "city_admin"])
def test_shown_to_each_role(client, schools, persona):
    client.force_login(getattr(schools, persona))
    assert LINK in home(client)


def test_shown_to_a_teacher_whose_request_waits_or_was_refused(client, schools):
    role = pending_request(schools.school_a)
    client.force_login(role.user)
    assert LINK in home(client)
    Coordinator.objects.filter(pk=role.pk).update(status=Coordinator.Status.REJECTED)
    assert LINK in home(client)


def test_hidden_from_anonymous_visitors_and_users_without_a_role(client, schools, teacher):
    assert "我的学校" not in home(client)
    client.force_login(teacher)
    assert "我的学校" not in home(client)


def test_marked_current_on_the_page_itself(client, schools):
    client.force_login(schools.officer)
    assert (
        f'<a href="{MY_URL}" aria-current="page">我的学校</a>'
        in client.get(MY_URL).content.decode()
    )


def test_one_query_and_none_when_there_is_nothing_to_ask(
    schools, teacher, django_assert_num_queries
):
    for user, expected in [
        (teacher, False),
        (schools.coordinator_a, True),
        (schools.officer, True),
        (schools.city_admin, True),
    ]:
        with django_assert_num_queries(1):
            assert has_school_role(user) is expected
    superuser = make_superuser()
    with django_assert_num_queries(0):
        assert has_school_role(AnonymousUser()) is False
        assert has_school_role(superuser) is True
