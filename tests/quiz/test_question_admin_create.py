"""An editor of the bank creates each kind of question through the admin, with its choices
in the order given, and edits one."""

import pytest

from education.models import Question
from tests.quiz.question_form_data import QUESTIONS, question_editor, question_form, url

pytestmark = pytest.mark.django_db

KINDS = {
    Question.Kind.SINGLE: (("冰毒", True), ("咖啡", False), ("绿茶", False)),
    Question.Kind.MULTIPLE: (
        ("海洛因", True),
        ("冰毒", True),
        ("感冒药（按医嘱服用）", False),
        ("K粉", True),
    ),
    Question.Kind.TRUE_FALSE: (("正确", False), ("错误", True)),
}


@pytest.fixture
def editor(client):
    client.force_login(question_editor())
    return client


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_created_with_its_choices(editor, kind):
    text = f"{Question.Kind(kind).label}：哪些是毒品？"
    response = editor.post(
        url(QUESTIONS, "add"),
        question_form(text, kind=kind, choices=KINDS[kind], bands=("junior", "senior")),
    )
    assert response.status_code == 302
    question = Question.objects.get(text=text)
    assert question.kind == kind
    assert [(c.text, c.correct) for c in question.choices.all()] == list(KINDS[kind])
    assert (question.for_primary, question.for_junior, question.for_senior) == (False, True, True)
    assert not question.for_university


def test_an_edit_replaces_text_and_choices(editor):
    editor.post(url(QUESTIONS, "add"), question_form("哪一种是毒品？"))
    question = Question.objects.get()
    ids = [c.pk for c in question.choices.all()]
    changed = (("海洛因", True), ("牛奶", False), ("绿茶", False))
    response = editor.post(
        url(QUESTIONS, "edit", question.pk),
        question_form("下列哪一种是毒品？", choices=changed, choice_ids=ids, active=False),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "下列哪一种是毒品？" and not question.active
    assert [(c.text, c.correct) for c in question.choices.all()] == list(changed)


def test_the_editor_pages_render(editor):
    editor.post(url(QUESTIONS, "add"), question_form())
    question = Question.objects.get()
    for page in (url(QUESTIONS, "add"), url(QUESTIONS, "edit", question.pk)):
        assert editor.get(page).status_code == 200
