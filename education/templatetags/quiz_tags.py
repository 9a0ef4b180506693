"""The per-visitor parts of the quiz pages: who is answering, the quizzes open now, and a
quiz's rules with this answerer's chances and start button. The page models stay
declarative; these tags read the request."""

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from education.models import Question, QuizIndexPage, QuizPage
from education.next_urls import with_next
from education.quiz_attempts import (
    Answerer,
    open_quizzes,
    question_count,
    standing,
    start_refusal,
)
from education.student_identity import current_student, remembered_attempts

register = template.Library()


@register.inclusion_tag("education/quiz/join_panel.html", takes_context=True)
def quiz_join_panel(context: template.Context) -> dict:
    """The class-code box, or the identified student's name and a link to their quizzes."""
    return {"student": current_student(context["request"])}


@register.inclusion_tag("education/quiz/open_quiz_list.html", takes_context=True)
def open_quiz_list(context: template.Context, index: QuizIndexPage) -> dict:
    return {"quizzes": open_quizzes().child_of(index), "request": context["request"]}


@register.inclusion_tag("education/quiz/page_panel.html", takes_context=True)
def quiz_page_panel(context: template.Context, quiz: QuizPage) -> dict:
    """The rules, and this answerer's attempts, chances and way to start."""
    request: HttpRequest = context["request"]
    student = current_student(request) if quiz.for_students else None
    # A preview in the admin may show a page never saved: it has no attempts to count.
    previewing = getattr(request, "is_preview", False)
    identified = (student is not None or not quiz.for_students) and not previewing
    # A random draw depends on the grade band, known once the student is.
    counted = not previewing and (identified or quiz.draw == QuizPage.Draw.FIXED)
    answerer = Answerer.for_quiz(
        quiz, student=student, user=request.user, earlier=remembered_attempts(request)
    )
    mine = standing(quiz, answerer) if identified else None
    return {
        "quiz": quiz,
        "request": request,
        "user": request.user,
        "student": student,
        "identified": identified,
        "standing": mine,
        "question_total": question_count(quiz, answerer.band(quiz)) if counted else None,
        "category_total": len(Question.Category.values),
        "refusal": (
            start_refusal(quiz, mine.used, timezone.now())
            if mine and not mine.open_attempt
            else None
        ),
        "join_url": with_next(reverse("join_by_code"), quiz.get_url(request) or ""),
    }
