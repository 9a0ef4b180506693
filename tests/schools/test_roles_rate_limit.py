"""Role requests are rate-limited per user: past the limit a friendly message and 429, and
nothing is written."""

import pytest

from education.models import Coordinator
from education.role_views import REQUEST_RATE
from tests.factories import make_user
from tests.school_factories import make_school
from tests.schools.roles_helpers import request_for

pytestmark = pytest.mark.django_db

LIMIT = int(REQUEST_RATE.split("/")[0])


def test_requests_past_the_limit_are_refused_with_429(client, schools, teacher):
    extra = [make_school(f"东城第{n}小学", schools.district) for n in range(LIMIT + 1)]
    client.force_login(teacher)
    for school in extra[:LIMIT]:
        assert request_for(client, school).status_code == 302
    response = request_for(client, extra[LIMIT])
    assert response.status_code == 429
    assert "申请过于频繁，请一小时后再试" in response.content.decode()
    assert Coordinator.objects.filter(user=teacher).count() == LIMIT


def test_the_limit_is_per_user(client, schools, teacher):
    client.force_login(teacher)
    for _ in range(LIMIT):
        request_for(client, schools.school_a)  # refused duplicates count too
    client.force_login(make_user("colleague@example.cn"))
    assert request_for(client, schools.school_a).status_code == 302
