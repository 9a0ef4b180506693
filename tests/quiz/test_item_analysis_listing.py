"""The report lists each question with its figures and flags, links to the question's edit
page, and narrows to one quiz when asked."""

import statistics

import pytest
from django.urls import reverse

from tests.factories import build_site, make_superuser
from tests.quiz.item_analysis_builders import column, make_questions, record_attempts
from tests.school_factories import add_quiz, add_quiz_index

pytestmark = pytest.mark.django_db

# 40 sheets over three questions: question 1 separates well, question 2 is right on every
# sheet, question 3 is right on the weaker sheets.
SHEETS = [[1, 1, 0]] * 16 + [[1, 1, 1]] * 8 + [[0, 1, 1]] * 10 + [[0, 1, 0]] * 6


@pytest.fixture
def report():
    index = add_quiz_index(build_site().home)
    quiz = add_quiz(index, "春季测试")
    other = add_quiz(index, "秋季测试")
    questions = make_questions(3)
    record_attempts(quiz, questions, SHEETS)
    record_attempts(other, questions[:1], [[1]] * 5)
    return {"quiz": quiz, "other": other, "questions": questions}


def test_rows_show_figures_flags_and_edit_links(client, report):
    client.force_login(make_superuser())
    html = client.get(reverse("item_analysis:index")).content.decode()
    first, everyone_right, negative = report["questions"]
    for question in report["questions"]:
        assert question.text in html
        edit = reverse("wagtailsnippets_education_question:edit", args=[question.pk])
        assert f'href="{edit}"' in html
    scores, rest = column(SHEETS, 2)
    assert f"{100 * statistics.correlation(scores, rest):.1f}" in html
    assert "几乎全对" in html
    assert "区分度为负" in html
    # The first question: 40 sheets of the spring quiz and 5 of the autumn quiz.
    assert ">45<" in html.replace(" ", "").replace("\n", "")


def test_filtering_by_quiz(client, report):
    client.force_login(make_superuser())
    response = client.get(reverse("item_analysis:index"), {"quiz": report["other"].pk})
    rows = response.context["object_list"]
    assert [(row.question, row.answers) for row in rows] == [(report["questions"][0], 5)]
    assert "作答人数不足 30" in response.content.decode()


def test_an_empty_bank_says_so(client, db):
    client.force_login(make_superuser())
    response = client.get(reverse("item_analysis:index"))
    assert "还没有首次答题记录" in response.content.decode()
