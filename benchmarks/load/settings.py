"""Settings of the servers the production benchmarks start: the project's production
settings (from the environment ``benchmarks.private_services.Stack`` sets), plus the
constant view to compare with. No TLS proxy stands in front of these servers, so the
session and CSRF cookies are not marked Secure (the load generator talks plain HTTP to
127.0.0.1); everything else is as in production. Each simulated visitor's address comes in
X-Real-IP, as nginx sends it, so rate limits count per visitor. The collected static files
are the run's own (BENCH_STATIC_ROOT), apart from the checkout's static_collected/."""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load.urls"
BEHIND_PROXY = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
