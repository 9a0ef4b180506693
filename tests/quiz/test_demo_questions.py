"""The demo bank: enough accurate questions for every category and grade band, each one
accepted by the admin's question editor, loaded once however often the loader runs."""

import pytest
from django.contrib.auth.models import AnonymousUser

from education.management.demo_question_loader import load_demo_questions
from education.management.demo_questions import DEMO_QUESTIONS, DemoQuestion
from education.models import Choice, GradeBand, Question
from tests.quiz.question_form_data import question_form

pytestmark = pytest.mark.django_db

CHOICE_COLUMNS = ("pk", "question", "text", "correct", "sort_order")
DEMO = [(category, demo) for category, questions in DEMO_QUESTIONS.items() for demo in questions]


def test_the_bank_covers_every_category_band_kind_and_difficulty():
    assert len(DEMO) >= 90
    assert len({demo.text for _category, demo in DEMO}) == len(DEMO)
    for category in Question.Category.values:
        for band in GradeBand.values:
            fitting = [d for c, d in DEMO if c == category and band in d.bands]
            assert len(fitting) >= 3, (category, band)
        kinds = {d.kind for c, d in DEMO if c == category}
        assert kinds == set(Question.Kind.values), category
    assert {d.difficulty for _c, d in DEMO} == set(Question.Difficulty.values)
    assert all(d.explanation for _c, d in DEMO)


@pytest.mark.parametrize(("category", "demo"), DEMO, ids=[d.text[:20] for _c, d in DEMO])
def test_the_admin_editor_accepts_each_question(category, demo: DemoQuestion):
    form_class = Question.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(
        question_form(
            demo.text,
            kind=demo.kind,
            category=category,
            difficulty=demo.difficulty,
            choices=demo.choices,
            bands=demo.bands,
            explanation=demo.explanation,
        ),
        instance=Question(),
        for_user=AnonymousUser(),
    )
    assert form.is_valid(), (form.errors, form.non_field_errors(), form.formsets["choices"].errors)


def test_loading_twice_creates_and_changes_nothing_the_second_time():
    assert load_demo_questions() == len(DEMO)
    before = list(Question.objects.values_list("pk", "text", "updated_at"))
    choices = list(Choice.objects.values_list(*CHOICE_COLUMNS))

    assert load_demo_questions() == 0
    assert list(Question.objects.values_list("pk", "text", "updated_at")) == before
    assert list(Choice.objects.values_list(*CHOICE_COLUMNS)) == choices


def test_a_second_run_restores_a_changed_demo_question_and_keeps_it_inactive():
    load_demo_questions()
    category, demo = DEMO[0]
    question = Question.objects.get(text=demo.text)
    question.choices = [
        Choice(text="改过的选项", correct=True),
        Choice(text="另一个", correct=False),
    ]
    question.difficulty = Question.Difficulty.HARD
    question.active = False
    question.save()

    assert load_demo_questions() == 0
    question = Question.objects.get(text=demo.text)
    assert [(c.text, c.correct) for c in question.choices.all()] == list(demo.choices)
    assert (question.category, question.difficulty, question.active) == (
        category,
        demo.difficulty,
        False,
    )
    assert Question.objects.count() == len(DEMO)


def test_a_question_the_admin_would_refuse_stops_the_load_before_any_write():
    fine = DEMO[0][1]
    broken = fine._replace(text="两个正确答案的单选题", choices=(("甲", True), ("乙", True)))
    with pytest.raises(ValueError, match="单选题必须有且只有一个正确选项"):
        load_demo_questions({DEMO[0][0]: (fine, broken)})
    assert not Question.objects.exists()
