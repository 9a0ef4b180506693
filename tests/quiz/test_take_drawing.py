"""The server draws an attempt's questions: the fixed list in order, or ``per_category``
active questions of each category for the student's grade band (the public band for the
public quiz); choices shuffled when asked, with opaque keys given after shuffling; inactive
or unmarkable questions never drawn; a bank too small gives what it has."""

import random
from collections import Counter

import pytest

from education.models import Choice, Question, QuizPage
from education.quiz_attempts import AttemptRefused, draw_questions, start_attempt
from tests.quiz.taking import build_world
from tests.school_factories import add_quiz, make_question

pytestmark = pytest.mark.django_db

CATEGORIES = Question.Category.values


@pytest.fixture
def world():
    return build_world()


def bank_by_band(per_category: int) -> dict[str, set[int]]:
    """``per_category`` junior-only and primary-only questions in every category."""
    ids = {"junior": set(), "primary": set()}
    for category in CATEGORIES:
        for band in ids:
            for n in range(per_category):
                question = make_question(f"{band}-{category}-{n}", category=category, bands=(band,))
                ids[band].add(question.pk)
    return ids


def test_a_fixed_list_is_asked_in_order(world):
    attempt = start_attempt(world.quiz, student=world.student)
    assert [q["id"] for q in attempt.questions] == [q.pk for q in world.bank.values()]
    assert attempt.number == 1
    assert attempt.period == world.schools.period
    assert attempt.school == world.schools.school_a


def test_random_draws_per_category_for_the_students_band(world):
    ids = bank_by_band(per_category=3)
    quiz = add_quiz(world.index, "随机抽题", draw=QuizPage.Draw.RANDOM, per_category=2)
    attempt = start_attempt(quiz, student=world.student)  # grade 7: junior
    drawn = [q["id"] for q in attempt.questions]
    assert len(drawn) == len(set(drawn)) == 2 * len(CATEGORIES)
    assert set(drawn) <= ids["junior"] | {q.pk for q in world.bank.values()}
    assert not set(drawn) & ids["primary"]
    assert Counter(q["category"] for q in attempt.questions) == dict.fromkeys(CATEGORIES, 2)


def test_the_public_quiz_draws_for_its_band(world):
    ids = bank_by_band(per_category=2)
    quiz = add_quiz(
        world.index,
        "公众答题",
        audience=QuizPage.Audience.PUBLIC,
        draw=QuizPage.Draw.RANDOM,
        per_category=1,
        public_band="primary",
    )
    drawn = {q["id"] for q in start_attempt(quiz).questions}
    assert drawn <= ids["primary"] | {q.pk for q in world.bank.values()}
    assert not drawn & ids["junior"]


def test_a_small_category_gives_what_it_has(world):
    quiz = add_quiz(world.index, "随机抽题", draw=QuizPage.Draw.RANDOM, per_category=5)
    attempt = start_attempt(quiz, student=world.student)
    # The bank holds one question in four categories and none in 求助与戒治.
    assert Counter(q["category"] for q in attempt.questions) == {
        "drug_types": 1,
        "harms": 1,
        "law": 1,
        "refusal": 1,
    }


def test_inactive_questions_are_never_drawn(world):
    Question.objects.filter(pk=world.bank["law"].pk).update(active=False)
    fixed = start_attempt(world.quiz, student=world.student)
    assert world.bank["law"].pk not in [q["id"] for q in fixed.questions]
    quiz = add_quiz(world.index, "随机抽题", draw=QuizPage.Draw.RANDOM, per_category=3)
    drawn = start_attempt(quiz, student=world.classmate).questions
    assert world.bank["law"].pk not in [q["id"] for q in drawn]


def test_a_question_without_a_right_choice_is_never_drawn(world):
    Choice.objects.filter(question=world.bank["ice"]).update(correct=False)
    attempt = start_attempt(world.quiz, student=world.student)
    assert world.bank["ice"].pk not in [q["id"] for q in attempt.questions]


def test_an_empty_bank_refuses_with_a_message(world):
    Question.objects.update(active=False)
    with pytest.raises(AttemptRefused, match="题库中暂时没有适合的题目"):
        start_attempt(world.quiz, student=world.student)


def test_shuffled_choices_get_keys_in_the_order_shown(world):
    quiz = add_quiz(world.index, "打乱选项", questions=[world.bank["kinds"]], shuffle_choices=True)
    orders = set()
    for seed in range(30):
        (snapshot,) = draw_questions(quiz, "junior", random.Random(seed))
        assert [c["key"] for c in snapshot["choices"]] == list("abcd")
        right = {c["text"] for c in snapshot["choices"] if c["key"] in snapshot["key"]}
        assert right == {"海洛因", "大麻"}
        orders.add(tuple(c["text"] for c in snapshot["choices"]))
    assert len(orders) > 1


def test_true_false_keeps_its_order_and_unshuffled_choices_their_order(world):
    quiz = add_quiz(world.index, "判断题", questions=[world.bank["law"]], shuffle_choices=True)
    for seed in range(10):
        (snapshot,) = draw_questions(quiz, "junior", random.Random(seed))
        assert [c["text"] for c in snapshot["choices"]] == ["正确", "错误"]
        assert snapshot["key"] == ["a"]
    (kept,) = draw_questions(
        add_quiz(world.index, "不打乱", questions=[world.bank["ice"]], shuffle_choices=False),
        "junior",
    )
    assert [c["text"] for c in kept["choices"]] == ["冰毒", "咖啡", "茶叶"]


def test_the_snapshot_keeps_the_question_as_asked(world):
    attempt = start_attempt(world.quiz, student=world.student)
    ice = attempt.questions[0]
    assert ice == {
        "id": world.bank["ice"].pk,
        "kind": "single",
        "category": "drug_types",
        "text": "下列哪一种属于毒品？",
        "choices": [
            {"key": "a", "text": "冰毒"},
            {"key": "b", "text": "咖啡"},
            {"key": "c", "text": "茶叶"},
        ],
        "key": ["a"],
        "explanation": world.bank["ice"].explanation,
    }
