"""A question the quiz could not mark fairly is refused with a clear Chinese message, and
nothing of it is saved: neither the question nor any choice, neither new nor edited."""

import pytest

from education.models import Choice, Question
from tests.quiz.question_form_data import QUESTIONS, question_editor, question_form, url
from tests.school_factories import make_question

pytestmark = pytest.mark.django_db

M = Question.Kind.MULTIPLE
T = Question.Kind.TRUE_FALSE

REFUSED = [
    (
        {"choices": (("冰毒", True), ("K粉", True), ("咖啡", False))},
        "单选题必须有且只有一个正确选项",
    ),
    ({"choices": (("冰毒", False), ("咖啡", False))}, "单选题必须有且只有一个正确选项"),
    ({"kind": M, "choices": (("冰毒", True), ("咖啡", False))}, "多选题至少要有两个正确选项"),
    ({"kind": M, "choices": (("冰毒", True), ("K粉", True))}, "多选题至少要有一个错误选项"),
    (
        {"kind": T, "choices": (("正确", True), ("错误", False), ("不知道", False))},
        "判断题只能有两个选项",
    ),
    (
        {"kind": T, "choices": (("正确", True), ("错误", True))},
        "判断题的两个选项中必须有且只有一个正确",
    ),
    ({"bands": ()}, "请至少选择一个适用学段"),
    ({"choices": (("冰毒", True), ("咖啡", False), ("咖啡", False))}, "选项「咖啡」重复了"),
]


@pytest.fixture
def editor(client):
    client.force_login(question_editor())
    return client


@pytest.mark.parametrize(("fields", "message"), REFUSED)
def test_a_new_question_is_refused_and_nothing_is_saved(editor, fields, message):
    response = editor.post(url(QUESTIONS, "add"), question_form(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists() and not Choice.objects.exists()


@pytest.mark.parametrize(("fields", "message"), REFUSED)
def test_an_edit_is_refused_and_the_question_stays_as_it_was(editor, fields, message):
    question = make_question("下列哪一种是毒品？")
    before = [(c.pk, c.text, c.correct) for c in question.choices.all()]
    ids = [pk for pk, _text, _correct in before]
    response = editor.post(
        url(QUESTIONS, "edit", question.pk),
        question_form("改过的题干", choice_ids=ids, **fields),
    )
    assert message in response.content.decode()
    question.refresh_from_db()
    assert question.text == "下列哪一种是毒品？"
    assert [(c.pk, c.text, c.correct) for c in question.choices.all()] == before


def test_deleted_choices_do_not_count(editor):
    form = question_form(choices=(("冰毒", True), ("K粉", True), ("咖啡", False)))
    form["choices-1-DELETE"] = "on"
    assert editor.post(url(QUESTIONS, "add"), form).status_code == 302
    assert [c.text for c in Question.objects.get().choices.all()] == ["冰毒", "咖啡"]


@pytest.mark.parametrize(
    ("count", "message"), [(1, "至少需要 2 个选项"), (7, "最多只能有 6 个选项")]
)
def test_two_to_six_choices(editor, count, message):
    choices = [("冰毒", True)] + [(f"饮料{n}", False) for n in range(1, count)]
    response = editor.post(url(QUESTIONS, "add"), question_form(choices=choices))
    assert message in response.content.decode()
    assert not Question.objects.exists()
