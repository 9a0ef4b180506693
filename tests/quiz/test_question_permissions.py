"""Editors given the question permissions (the "Editors" group) manage the bank; an admin
user without them neither sees the 「答题」 menu nor reaches, or changes, any question."""

import pytest
from django.urls import reverse

from education.models import Choice, Question
from tests.quiz.question_form_data import (
    PERIODS,
    QUESTIONS,
    plain_editor,
    question_editor,
    question_form,
    url,
)
from tests.school_factories import make_question

pytestmark = pytest.mark.django_db


def menu(client) -> str:
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_of_the_bank_sees_questions_but_not_periods(client):
    client.force_login(question_editor())
    home = menu(client)
    assert url(QUESTIONS, "list") in home
    assert url(PERIODS, "list") not in home
    assert client.get(url(QUESTIONS, "list")).status_code == 200
    assert client.post(url(QUESTIONS, "add"), question_form()).status_code == 302
    assert Question.objects.count() == 1


def test_an_editor_without_the_permissions_sees_and_changes_nothing(client):
    question = make_question()
    before = list(Choice.objects.values_list("pk", "text", "correct"))
    client.force_login(plain_editor())
    assert url(QUESTIONS, "list") not in menu(client)

    for view, args in [
        ("list", ()),
        ("add", ()),
        ("edit", (question.pk,)),
        ("delete", (question.pk,)),
    ]:
        target = url(QUESTIONS, view, *args)
        assert client.get(target).status_code in (302, 403), view
    client.post(url(QUESTIONS, "add"), question_form("新题目"))
    client.post(url(QUESTIONS, "edit", question.pk), question_form("改过的题干"))
    client.post(url(QUESTIONS, "delete", question.pk))

    assert list(Question.objects.values_list("text", flat=True)) == [question.text]
    assert list(Choice.objects.values_list("pk", "text", "correct")) == before
