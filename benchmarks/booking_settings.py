"""Settings for the gunicorn of ``benchmarks/booking_race.py``: those of the quiz-submit
benchmark (the project's, plus the single-INSERT view), except that refusals (HTTP 409, the
answer most racing requests get) are not logged one by one."""

from benchmarks.submit_settings import *  # noqa: F403
from benchmarks.submit_settings import LOGGING

LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "django.request": {"level": "ERROR"}},
}
