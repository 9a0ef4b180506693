"""What ``page_render.py`` and ``page_cache.py`` share: a production-like Django in this
process (no debug machinery, plain HTTP on the test client, no two-factor redirects) whose
static files come from their sources, so no collectstatic run is needed first, with the demo
content loaded; and the timing of a page's requests."""

import os
import time
import warnings


def set_up(*, page_cache: bool) -> None:
    """Set Django up (call before importing models), migrate and load the demo content."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault(
        "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
    )
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("MFA_REQUIRED", "false")
    os.environ["PAGE_CACHE"] = "true" if page_cache else "false"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    # DJANGO_DEBUG=false picks WhiteNoise's manifest storage, which needs collectstatic.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": static}).enable()
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # WhiteNoise's STATIC_ROOT
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def one_request(client, url: str):
    """The response to one request and the number of SQL queries it made."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries.captured_queries)


def timed(client, url: str, runs: int, before=None) -> list[float]:
    """Milliseconds of each of ``runs`` requests, ``before()`` called ahead of each."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return times
