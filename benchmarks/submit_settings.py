"""Settings for the gunicorn that ``benchmarks/quiz_submit.py`` starts: the project's own,
with the benchmark's single-INSERT view mounted before the project's URLs (never in the
product), and the client address taken from X-Forwarded-For, so each simulated student
counts against the quiz's rate limits as a device of its own, as behind a proxy."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.insert_view"
RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
