"""A booking that names a class and quizzes shows the class's results before and after the
visit: each student's best handed-in attempt at the quiz before the slot starts, and at
the one after from its start on; other classes, unfinished attempts and attempts on the
wrong side of the visit do not count."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking
from booking.quiz_scores import class_scores
from education.models import Attempt, HomePage
from tests.booking_factories import at, book_group, make_slot
from tests.school_factories import add_quiz, add_quiz_index, make_students


@pytest.fixture
def quizzes(visits):
    index = add_quiz_index(HomePage.objects.get())
    return add_quiz(index, "参观前测"), add_quiz(index, "参观后测")


def booked(visits, pre, post) -> Booking:
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    return book_group(
        slot,
        schools.coordinator_a,
        schools.school_a,
        school_class=schools.class_a,
        pre_quiz=pre,
        post_quiz=post,
        now=timezone.now(),
    )


def attempt(quiz, student, score, submitted_at, status=Attempt.Status.SUBMITTED):
    Attempt.objects.create(
        quiz=quiz,
        quiz_title=quiz.title,
        student=student,
        school=student.school,
        status=status,
        questions=[],
        pass_mark=80,
        submitted_at=submitted_at,
        score=score,
        passed=None if score is None else score >= 80,
    )


def sit(visits, pre, post, start) -> None:
    first, second = visits.schools.class_a.students.order_by("pk")[:2]
    third = make_students(visits.schools.class_a, 1, start=3)[0]
    other_class = visits.schools.class_b.students.first()
    before, after = start - timedelta(days=1), start + timedelta(hours=2)
    for student, score, when in [
        (first, 60, before),
        (first, 70, before),
        (second, 85, before),
        (third, 40, before),
        (other_class, 100, before),
        (third, 100, after),  # the pre quiz after the visit: not "before"
    ]:
        attempt(pre, student, score, when)
    attempt(pre, first, None, None, status=Attempt.Status.IN_PROGRESS)
    for student, score, when in [
        (first, 90, after),
        (second, 80, after),
        (second, 95, after),
        (third, 100, before),  # the post quiz before the visit: not "after"
    ]:
        attempt(post, student, score, when)


def test_the_class_averages_and_pass_rates_before_and_after(visits, quizzes):
    pre, post = quizzes
    booking = booked(visits, pre, post)
    sit(visits, pre, post, booking.slot.starts_at)

    scores = class_scores(booking)

    assert scores.school_class == visits.schools.class_a
    assert (scores.before.students, scores.before.average, scores.before.pass_rate) == (
        3,
        65.0,
        33.3,
    )
    assert (scores.after.students, scores.after.average, scores.after.pass_rate) == (2, 92.5, 100.0)


def test_one_quiz_before_and_after_is_split_at_the_visit(
    visits, quizzes, django_assert_num_queries
):
    quiz = quizzes[0]
    booking = booked(visits, quiz, quiz)
    sit(visits, quiz, quiz, booking.slot.starts_at)
    booking = Booking.objects.select_related("slot", "school_class", "pre_quiz", "post_quiz").get()

    with django_assert_num_queries(1):
        scores = class_scores(booking)

    # Before: best of the attempts handed in before the visit, at either "quiz".
    assert (scores.before.students, scores.before.average) == (3, round((70 + 85 + 100) / 3, 1))
    assert (scores.after.students, scores.after.average) == (3, round((90 + 95 + 100) / 3, 1))


def test_no_scores_without_a_class_or_a_quiz(visits, quizzes):
    pre, _post = quizzes
    booking = booked(visits, None, None)
    assert class_scores(booking) is None
    booking.school_class, booking.pre_quiz = None, pre
    assert class_scores(booking) is None


def test_the_booking_page_shows_them(client, visits, quizzes):
    pre, post = quizzes
    booking = booked(visits, pre, None)
    sit(visits, pre, post, booking.slot.starts_at)
    client.force_login(visits.schools.coordinator_a)

    page = client.get(reverse("booking:booking", args=[booking.code])).content.decode()

    assert "参观前后答题成绩" in page
    assert "参观前测" in page and "65.0" in page and "33.3%" in page
    assert "未指定答题" in page
