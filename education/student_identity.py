"""Who is answering, as the session knows it.

Children have no accounts: a student is identified by student number + name matched against
the school's active roster, and the session keeps the student's id until they say "不是我".
A visitor taking the public quiz without an account owns the attempts whose tokens their
session keeps.
"""

import unicodedata

from django.http import HttpRequest

from education.models import Attempt, School, Student

STUDENT_KEY = "quiz_student"
ATTEMPTS_KEY = "quiz_attempts"
# Enough for every public quiz a visitor may take in one session; the oldest drop off.
MAX_REMEMBERED_ATTEMPTS = 50


def normalise_number(number: str) -> str:
    """Full-width digits and letters as typed on a Chinese keyboard, without spaces."""
    return "".join(unicodedata.normalize("NFKC", number).split())


def normalise_name(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def identify(school: School, number: str, name: str) -> Student | None:
    """The active student of the school with this number and name (spaces ignored)."""
    student = (
        Student.objects.select_related("school_class", "school")
        .filter(school=school, number=normalise_number(number), active=True)
        .first()
    )
    if student is None or normalise_name(student.name) != normalise_name(name):
        return None
    return student


def remember(request: HttpRequest, student: Student) -> None:
    # A new identity gets a new session key, so a key seen before identifying is worthless.
    request.session.cycle_key()
    request.session[STUDENT_KEY] = student.pk
    request._quiz_student = student


def forget(request: HttpRequest) -> None:
    request.session.pop(STUDENT_KEY, None)
    request._quiz_student = None


def current_student_id(request: HttpRequest) -> int | None:
    return request.session.get(STUDENT_KEY)


def current_student(request: HttpRequest) -> Student | None:
    """The identified student, if still on the roster; looked up once per request."""
    if not hasattr(request, "_quiz_student"):
        student_id = current_student_id(request)
        request._quiz_student = (
            Student.objects.select_related("school_class", "school")
            .filter(pk=student_id, active=True)
            .first()
            if student_id
            else None
        )
    return request._quiz_student


def remember_attempt(request: HttpRequest, attempt: Attempt) -> None:
    """Let an anonymous visitor's session own the attempt it started."""
    tokens = [t for t in request.session.get(ATTEMPTS_KEY, []) if t != str(attempt.token)]
    tokens.append(str(attempt.token))
    request.session[ATTEMPTS_KEY] = tokens[-MAX_REMEMBERED_ATTEMPTS:]


def remembered_attempts(request: HttpRequest) -> frozenset[str]:
    return frozenset(request.session.get(ATTEMPTS_KEY, []))


def owns_attempt(request: HttpRequest, attempt: Attempt) -> bool:
    """The student, the account or the anonymous session that started the attempt."""
    if attempt.student_id:
        return attempt.student_id == current_student_id(request)
    if attempt.user_id:
        return request.user.is_authenticated and request.user.pk == attempt.user_id
    return str(attempt.token) in remembered_attempts(request)
