"""Editing a question in the admin never changes what a past attempt shows: the attempt
keeps the question as it was asked."""

import pytest

from education.models import Attempt
from tests.quiz.question_form_data import QUESTIONS, question_editor, question_form, url
from tests.school_factories import make_question

pytestmark = pytest.mark.django_db


def snapshot(question) -> dict:
    choices = list(question.choices.all())
    return {
        "id": question.pk,
        "kind": question.kind,
        "category": question.category,
        "text": question.text,
        "choices": [{"key": str(c.pk), "text": c.text} for c in choices],
        "key": [str(c.pk) for c in choices if c.correct],
        "explanation": question.explanation,
    }


def test_an_edit_leaves_a_submitted_attempt_as_it_was(client):
    question = make_question("下列哪一种是毒品？", explanation="冰毒是合成毒品。")
    attempt = Attempt.objects.create(
        quiz_title="禁毒知识测试",
        questions=[snapshot(question)],
        answers={"0": [str(question.choices.first().pk)]},
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        score=100,
    )
    asked = attempt.questions
    client.force_login(question_editor())

    ids = [c.pk for c in question.choices.all()]
    response = client.post(
        url(QUESTIONS, "edit", question.pk),
        question_form(
            "下列哪一种不是毒品？",
            choices=(("冰毒", False), ("咖啡", True), ("海洛因", False)),
            choice_ids=ids,
            explanation="咖啡不是毒品。",
        ),
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "下列哪一种不是毒品？"
    attempt.refresh_from_db()
    assert attempt.questions == asked
    assert attempt.questions[0]["text"] == "下列哪一种是毒品？"
