"""Rate limits with Redis unreachable, as the README documents: they keep counting, each
process on its own, so guessing is still refused after the limit instead of the endpoint
failing or refusing everyone."""

import pytest
from django.test import override_settings

from tests.production.redis_caches import CLOSED_PORT, degrading
from tests.quiz.taking import build_world

pytestmark = pytest.mark.django_db


def test_failed_guesses_are_still_limited(client):
    world = build_world()
    url = f"/join/{world.schools.school_a.join_token}/"
    wrong = {"number": world.student.number, "name": "王二小"}
    right = {"number": world.student.number, "name": world.student.name}
    with override_settings(CACHES=degrading(CLOSED_PORT)):
        for _ in range(30):
            assert client.post(url, wrong, REMOTE_ADDR="10.0.0.1").status_code == 200
        assert client.post(url, wrong, REMOTE_ADDR="10.0.0.1").status_code == 429
        assert client.post(url, right, REMOTE_ADDR="10.0.0.1").status_code == 302
