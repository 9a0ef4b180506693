"""Who is answering, as the session knows it.

Children have no accounts: a student is identified by student number + name matched against
the school's active roster, and the session keeps the student's id until they say "不是我",
close the browser or leave it unused for two hours (classroom computers are shared). A
student taken off the roster is nobody: their open attempts can no longer be continued.
A visitor taking the public quiz without an account owns the attempts whose tokens their
session keeps.
"""

import datetime
import unicodedata

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.utils import timezone

from education.models import Attempt, School, Student
from education.roster_values import normalise_number

STUDENT_KEY = "quiz_student"
SEEN_KEY = "quiz_student_seen"
ATTEMPTS_KEY = "quiz_attempts"
# Enough for every public quiz a visitor may take in one session; the oldest drop off.
MAX_REMEMBERED_ATTEMPTS = 50
IDLE_LIMIT = datetime.timedelta(hours=2)
# How stale the last-seen time may get before a request writes it again (a session save).
SEEN_REFRESH = datetime.timedelta(minutes=10)


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
    # The cookie ends with the browser; IDLE_LIMIT ends the identity on a browser left open.
    request.session.set_expiry(0)
    keep_identity(request.session, student.pk)
    request._quiz_student = student


def keep_identity(session: SessionBase, student_id: int) -> None:
    """What identifying leaves in a session (also written by tests and benchmarks)."""
    session[STUDENT_KEY] = student_id
    session[SEEN_KEY] = timezone.now().timestamp()


def forget(request: HttpRequest) -> None:
    request.session.pop(STUDENT_KEY, None)
    request.session.pop(SEEN_KEY, None)
    request._quiz_student = None


def current_student_id(request: HttpRequest) -> int | None:
    """The identified student's id, unless the identity has gone unused for IDLE_LIMIT."""
    session = request.session
    student_id = session.get(STUDENT_KEY)
    if student_id is None:
        return None
    now = timezone.now().timestamp()
    idle = now - session.get(SEEN_KEY, 0)
    if idle > IDLE_LIMIT.total_seconds():
        forget(request)
        return None
    if idle > SEEN_REFRESH.total_seconds():
        session[SEEN_KEY] = now
    return student_id


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
        # ``attempt.student`` comes with the attempt (select_related): no extra query.
        return attempt.student_id == current_student_id(request) and attempt.student.active
    if attempt.user_id:
        return request.user.is_authenticated and request.user.pk == attempt.user_id
    return str(attempt.token) in remembered_attempts(request)
