"""Rate limits on the quiz's public write endpoints, kept as django-ratelimit counters in the
cache.

Identification counts failed matches only, per IP and per school: a whole class behind one
school network identifies within the same minute, while someone guessing fails again and
again. Starting and submitting count every POST per IP, generously.
"""

from django.http import HttpRequest
from django_ratelimit.core import get_usage, is_ratelimited

from education.models import School

FAILED_GUESSES_PER_IP = "10/m"
FAILED_GUESSES_PER_SCHOOL = "60/m"
STARTS_PER_IP = "30/m"
SUBMITS_PER_IP = "120/m"


def _guess_limits(school: School | None) -> list[tuple[str, object, str]]:
    limits = [("quiz.identify.ip", "ip", FAILED_GUESSES_PER_IP)]
    if school is not None:
        school_key = str(school.pk)
        limits.append(
            ("quiz.identify.school", lambda group, request: school_key, FAILED_GUESSES_PER_SCHOOL)
        )
    return limits


def guessing_blocked(request: HttpRequest, school: School | None = None) -> bool:
    """Whether the failed matches so far use up a limit (checked before trying another)."""
    for group, key, rate in _guess_limits(school):
        usage = get_usage(request, group=group, key=key, rate=rate)
        if usage is not None and usage["count"] >= usage["limit"]:
            return True
    return False


def record_failed_guess(request: HttpRequest, school: School | None = None) -> None:
    for group, key, rate in _guess_limits(school):
        get_usage(request, group=group, key=key, rate=rate, increment=True)


def start_limited(request: HttpRequest) -> bool:
    return is_ratelimited(
        request, group="quiz.start", key="ip", rate=STARTS_PER_IP, method="POST", increment=True
    )
