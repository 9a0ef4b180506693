"""Rate limits on the quiz's public write endpoints, kept as django-ratelimit counters in the
cache. Addresses come from ``config.client_ip`` (nginx's X-Real-IP in production).

A whole class may sit behind one school network, so no limit may hold back a student who
does things right because classmates did not:

- Identification counts failed matches only, per address and per school, and the match is
  checked first: a right number and name always gets in. A failure while a bucket is full
  gets the refusal instead of the form. So that a guesser cannot go on trying at full speed
  for the one match, an address that keeps failing to ``HARD_CEILING`` times its limit is
  refused before its guesses are checked.
- Starts count per address for anonymous visitors of the public quiz only; a student's or an
  account's starts are bounded by the attempts the quiz allows.
- A hand-in in time is never limited (it is counted once however often it comes); showing
  the paper again to confirm unanswered questions is limited per attempt, and so are the
  posts that come after the paper was handed in (a double tap, a script): they are counted
  only once it is closed, so the hand-in that closes it is never refused.
"""

from django.http import HttpRequest
from django_ratelimit.core import get_usage, is_ratelimited

from education.models import Attempt, QuizPage, School

FAILED_GUESSES_PER_IP = "30/m"
FAILED_GUESSES_PER_SCHOOL = "60/m"
HARD_CEILING = 3
PUBLIC_STARTS_PER_IP = "30/m"
CONFIRMS_PER_ATTEMPT = "30/m"
REPEAT_SUBMITS_PER_ATTEMPT = "10/m"

_IP_GROUP = "quiz.identify.ip"


def _guess_limits(school: School | None) -> list[tuple[str, object, str]]:
    limits = [(_IP_GROUP, "ip", FAILED_GUESSES_PER_IP)]
    if school is not None:
        school_key = str(school.pk)
        limits.append(
            ("quiz.identify.school", lambda group, request: school_key, FAILED_GUESSES_PER_SCHOOL)
        )
    return limits


def guessing_stopped(request: HttpRequest) -> bool:
    """Whether this address failed so often that its next guess is not even checked."""
    usage = get_usage(request, group=_IP_GROUP, key="ip", rate=FAILED_GUESSES_PER_IP)
    return usage is not None and usage["count"] >= HARD_CEILING * usage["limit"]


def failed_guess_refused(request: HttpRequest, school: School | None = None) -> bool:
    """Count a failed match; whether it came while a bucket was already full."""
    refused = False
    for group, key, rate in _guess_limits(school):
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
        refused = refused or (usage is not None and usage["should_limit"])
    return refused


def start_limited(request: HttpRequest, quiz: QuizPage) -> bool:
    if quiz.for_students or request.user.is_authenticated:
        return False
    return is_ratelimited(
        request, group="quiz.start", key="ip", rate=PUBLIC_STARTS_PER_IP, increment=True
    )


def _per_attempt_limited(request: HttpRequest, attempt: Attempt, group: str, rate: str) -> bool:
    token = str(attempt.token)
    return is_ratelimited(
        request, group=group, key=lambda group, request: token, rate=rate, increment=True
    )


def confirm_limited(request: HttpRequest, attempt: Attempt) -> bool:
    return _per_attempt_limited(request, attempt, "quiz.confirm", CONFIRMS_PER_ATTEMPT)


def repeat_submit_limited(request: HttpRequest, attempt: Attempt) -> bool:
    """Only for an attempt already closed: a post that hands it in again."""
    return _per_attempt_limited(request, attempt, "quiz.resubmit", REPEAT_SUBMITS_PER_ATTEMPT)
