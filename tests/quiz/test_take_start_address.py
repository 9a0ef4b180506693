"""The start button posts to an address outside the page tree, with a CSRF token, that serves
live, public quizzes only: an unpublished quiz, a private one or a page that is not a quiz is
not found, and nothing starts."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from education.models import Attempt
from tests.quiz.taking import build_world, identify_as, start_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def test_a_live_quiz_starts(client, world):
    identify_as(client, world.student)
    assert client.post(start_url(world.quiz)).status_code == 302
    assert Attempt.objects.filter(quiz=world.quiz).exists()


def test_an_unpublished_quiz_is_not_found(client, world):
    world.quiz.unpublish()
    identify_as(client, world.student)
    assert client.post(start_url(world.quiz)).status_code == 404
    assert not Attempt.objects.exists()


def test_a_private_quiz_is_not_found(client, world):
    PageViewRestriction.objects.create(page=world.quiz, restriction_type=PageViewRestriction.LOGIN)
    identify_as(client, world.student)
    assert client.post(start_url(world.quiz)).status_code == 404
    assert not Attempt.objects.exists()


def test_a_page_that_is_not_a_quiz_is_not_found(client, world):
    identify_as(client, world.student)
    assert client.post(start_url(world.index)).status_code == 404
    assert not Attempt.objects.exists()


def test_the_start_button_checks_the_csrf_token(world):
    strict = Client(enforce_csrf_checks=True)
    identify_as(strict, world.student)
    assert strict.post(start_url(world.quiz)).status_code == 403
    assert not Attempt.objects.exists()
