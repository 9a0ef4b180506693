"""Settings for the gunicorn that ``benchmarks/quiz_submit.py`` starts: the project's own,
with the benchmark's single-INSERT view mounted before the project's URLs (never in the
product). The client sends each simulated student's address in X-Real-IP, as nginx does, so
each counts against the quiz's rate limits as a device of its own."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.insert_view"
BEHIND_PROXY = True
