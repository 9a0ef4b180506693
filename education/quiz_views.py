"""Taking a quiz: identifying by join link or class code, the quiz page's start button, the
answering page, the result and the certificate. Business rules live in
``education.quiz_attempts``; these views read the request and pick the page. The quiz pages
are Wagtail pages; their per-visitor parts come from ``education.templatetags.quiz_tags``."""

import datetime
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from education import rate_figures
from education.certificates import certificate_png, public_name
from education.models import Attempt, Period, Question, QuizPage, School
from education.next_urls import safe_next, with_next
from education.quiz_attempts import (
    Answerer,
    AttemptRefused,
    is_overdue,
    open_quizzes,
    standing,
    start_attempt,
    submit_attempt,
)
from education.quiz_forms import ClassCodeForm, IdentityForm
from education.quiz_limits import (
    confirm_limited,
    failed_guess_refused,
    guessing_stopped,
    repeat_submit_limited,
    start_limited,
)
from education.student_identity import (
    current_student,
    forget,
    owns_attempt,
    remember,
    remember_attempt,
    remembered_attempts,
)

KIND_LABELS = dict(Question.Kind.choices)


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "education/quiz/limited.html", {"message": message}, status=429)


def _too_many_guesses(request: HttpRequest) -> HttpResponse:
    return _too_many(request, _("尝试次数太多，请一分钟后再试。"))


# Identifying


@require_http_methods(["GET", "HEAD", "POST"])
def join_by_code(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    form = ClassCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if guessing_stopped(request):
            return _too_many_guesses(request)
        if form.is_valid():
            school = form.school_class.school
            join_url = reverse("join_school", args=[school.join_token])
            return HttpResponseRedirect(with_next(join_url, next_url))
        if failed_guess_refused(request):
            return _too_many_guesses(request)
    return render(
        request,
        "education/quiz/join_code.html",
        {
            "form": form,
            "next": next_url,
            "continue_url": next_url or reverse("student_quizzes"),
            "student": current_student(request),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def join_school(request: HttpRequest, token: str) -> HttpResponse:
    school = get_object_or_404(School, join_token=token)
    next_url = safe_next(request)
    form = IdentityForm(school, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if guessing_stopped(request):
            return _too_many_guesses(request)
        if form.is_valid():
            remember(request, form.student)
            return HttpResponseRedirect(next_url or reverse("student_quizzes"))
        if failed_guess_refused(request, school):
            return _too_many_guesses(request)
    return render(
        request,
        "education/quiz/join_school.html",
        {
            "school": school,
            "form": form,
            "next": next_url,
            "continue_url": next_url or reverse("student_quizzes"),
            "student": current_student(request),
        },
    )


@require_safe
def student_quizzes(request: HttpRequest) -> HttpResponse:
    """The identified student's open quizzes, with the attempts used on each."""
    student = current_student(request)
    if student is None:
        return redirect("join_by_code")
    quizzes = list(open_quizzes().filter(audience=QuizPage.Audience.STUDENTS))
    used = {
        row["quiz"]: row
        for row in Attempt.objects.filter(student=student, quiz__in=quizzes)
        .values("quiz")
        .annotate(count=Count("pk"), best=Max("score"))
    }
    rows = [(quiz, used.get(quiz.pk, {"count": 0, "best": None})) for quiz in quizzes]
    return render(
        request, "education/quiz/student_quizzes.html", {"student": student, "rows": rows}
    )


@require_POST
def student_forget(request: HttpRequest) -> HttpResponse:
    forget(request)
    messages.success(request, _("已退出学生身份。请重新输入班级码确认身份。"))
    return redirect("join_by_code")


# The quiz page's start button


@require_http_methods(["GET", "HEAD", "POST"])
def start_quiz(request: HttpRequest, page_id: int) -> HttpResponse:
    """Resume the attempt in progress or draw a new one; a GET goes back to the quiz page."""
    quiz = get_object_or_404(QuizPage.objects.live().public(), pk=page_id)
    page_url = quiz.get_url(request)
    if request.method != "POST":
        return redirect(page_url)
    if start_limited(request, quiz):
        return _too_many(request, _("操作太频繁，请稍等片刻再开始答题。"))
    try:
        attempt = start_attempt(
            quiz,
            student=current_student(request) if quiz.for_students else None,
            user=request.user,
            earlier=remembered_attempts(request),
        )
    except AttemptRefused as refusal:
        messages.error(request, refusal.message)
        if refusal.needs_identity:
            return HttpResponseRedirect(with_next(reverse("join_by_code"), page_url))
        return redirect(page_url)
    if attempt.student_id is None and attempt.user_id is None:
        remember_attempt(request, attempt)
    return redirect("quiz_attempt", token=attempt.token)


# Answering and the result


def _owned_attempt_or_404(request: HttpRequest, token: UUID) -> Attempt:
    attempt = (
        Attempt.objects.select_related("quiz", "period", "school", "student")
        .filter(token=token)
        .first()
    )
    if attempt is None or not owns_attempt(request, attempt):
        raise Http404
    return attempt


def _posted_answers(attempt: Attempt, data: QueryDict) -> dict[str, list[str]]:
    return {str(i): data.getlist(f"q{i}") for i in range(len(attempt.questions))}


def _answering_items(attempt: Attempt, answers: dict[str, list[str]]) -> list[dict]:
    """The questions as the answerer sees them: never the key nor the explanation."""
    return [
        {
            "position": position,
            "number": position + 1,
            "text": question["text"],
            "kind": question["kind"],
            "kind_label": KIND_LABELS.get(question["kind"], ""),
            "multiple": question["kind"] == Question.Kind.MULTIPLE,
            "answered": bool(answers.get(str(position))),
            "choices": [
                {
                    "key": choice["key"],
                    "label": choice["key"].upper(),
                    "text": choice["text"],
                    "chosen": choice["key"] in answers.get(str(position), ()),
                }
                for choice in question["choices"]
            ],
        }
        for position, question in enumerate(attempt.questions)
    ]


@require_http_methods(["GET", "HEAD", "POST"])
def attempt_page(request: HttpRequest, token: UUID) -> HttpResponse:
    # The time limit is judged by when the answers arrived, not when their turn came.
    arrived = timezone.now()
    attempt = _owned_attempt_or_404(request, token)
    if not attempt.is_open:
        if request.method == "POST" and repeat_submit_limited(request, attempt):
            return _too_many(request, _("答卷已经交过了，请勿重复提交；点“重试”查看成绩。"))
        return redirect("quiz_result", token=attempt.token)
    answers: dict[str, list[str]] = {}
    if request.method == "POST":
        answers = _posted_answers(attempt, request.POST)
        unanswered = sum(1 for chosen in answers.values() if not chosen)
        if not unanswered or request.POST.get("confirm") or is_overdue(attempt, arrived):
            return _submit(attempt, answers, arrived)
        if confirm_limited(request, attempt):
            return _too_many(request, _("提交太频繁，请稍等片刻再交卷，已选的答案仍保留在本机。"))
    elif is_overdue(attempt, arrived):
        return _submit(attempt, {}, arrived)
    items = _answering_items(attempt, answers)
    answered = sum(1 for item in items if item["answered"])
    remaining = (
        max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
        if attempt.deadline
        else None
    )
    return render(
        request,
        "education/quiz/attempt.html",
        {
            "attempt": attempt,
            "items": items,
            "answered": answered,
            # Asked to confirm: a POST with questions left unanswered.
            "unanswered": len(items) - answered if request.method == "POST" else 0,
            "remaining": remaining,
            "clock": _clock(remaining) if remaining is not None else "",
        },
    )


def _submit(
    attempt: Attempt, answers: dict[str, list[str]], arrived: datetime.datetime
) -> HttpResponse:
    try:
        submit_attempt(attempt, answers, now=arrived)
    except Attempt.DoesNotExist:
        # An abandoned public attempt, deleted by someone else's start meanwhile.
        raise Http404 from None
    return redirect("quiz_result", token=attempt.token)


def _clock(seconds: int) -> str:
    """1:05:09 or 05:09, as the countdown shows it."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def _review_items(attempt: Attempt) -> list[dict]:
    """Each question with the answer given, the right answer and the explanation."""
    items = []
    for position, question in enumerate(attempt.questions):
        given = attempt.answers.get(str(position), [])
        items.append(
            {
                "number": position + 1,
                "text": question["text"],
                "kind_label": KIND_LABELS.get(question["kind"], ""),
                "right": sorted(given) == sorted(question["key"]),
                "answered": bool(given),
                "explanation": question["explanation"],
                "choices": [
                    {
                        "label": choice["key"].upper(),
                        "text": choice["text"],
                        "chosen": choice["key"] in given,
                        "correct": choice["key"] in question["key"],
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return items


def _retry_url(request: HttpRequest, attempt: Attempt) -> str:
    """The quiz's start address while the answerer has attempts left and it is open."""
    quiz = attempt.quiz
    if quiz is None or not quiz.live or not quiz.is_open():
        return ""
    answerer = Answerer.for_quiz(
        quiz, student=attempt.student, user=request.user, earlier=remembered_attempts(request)
    )
    if not standing(quiz, answerer).left:
        return ""
    return reverse("quiz_start", args=[quiz.pk])


def _school_figures(attempt: Attempt) -> rate_figures.Figures | None:
    """The student's school now, in the period the attempt counted in (or else the current
    one, for a quiz that does not count)."""
    if attempt.school is None:
        return None
    period = attempt.period or Period.objects.current()
    return rate_figures.school_figures(attempt.school, period) if period else None


@require_safe
def result_page(request: HttpRequest, token: UUID) -> HttpResponse:
    attempt = _owned_attempt_or_404(request, token)
    if attempt.is_open:
        return redirect("quiz_attempt", token=attempt.token)
    return render(
        request,
        "education/quiz/result.html",
        {
            "attempt": attempt,
            "items": _review_items(attempt),
            "expired": attempt.status == Attempt.Status.EXPIRED,
            "figures": _school_figures(attempt),
            "retry_url": _retry_url(request, attempt),
        },
    )


# Certificates


def _passed_attempt(code: str) -> Attempt | None:
    return (
        Attempt.objects.select_related("school", "student", "user")
        .filter(certificate_code=code.upper(), passed=True)
        .first()
    )


@require_safe
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    attempt = _passed_attempt(code)
    if attempt is None:
        return render(
            request, "education/quiz/certificate_unknown.html", {"code": code}, status=404
        )
    return render(
        request,
        "education/quiz/certificate_verify.html",
        {"attempt": attempt, "name": public_name(attempt)},
    )


@require_safe
def certificate_image(request: HttpRequest, code: str) -> HttpResponse:
    attempt = _passed_attempt(code)
    if attempt is None:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("certificate_verify", args=[attempt.certificate_code])
    )
    try:
        image = certificate_png(attempt, verify_url)
    except ImproperlyConfigured:
        return HttpResponse(
            _("证书图片暂时无法生成，请稍后再试。"),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(image, content_type="image/png")
    # A minor's full name: no shared cache may keep it.
    response["Cache-Control"] = "private, max-age=86400"
    return response
