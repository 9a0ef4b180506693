"""A polite 503 page while the database is unreachable, instead of a 500 error.

Two ways in: a view or template failing with a database error (``process_exception`` of
the middleware below), and any middleware failing so (session save, the user lookup, the
two-factor check). Django turns a middleware's exception into a response at that very layer,
through the project's ``handler500`` (``config.error_pages``), before any outer middleware
sees it. Both go through ``outage_page``, which renders ``503.html`` without a request
context, so nothing on the way to it (site settings, navigation, the user) asks the database
again.

The error is logged here with its traceback once per ``TRACEBACK_EVERY`` seconds per process
and in one short line otherwise, so an outage does not flood the log. Django reconnects by
itself on the next request: the failed connection is closed when the request ends (its error
flag is set) and a reused connection is checked before use (``conn_health_checks``).
"""

import logging
import time

import psycopg
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Django wraps the driver's errors raised through its connections; psycopg's own reach us
# unwrapped when code talks to the driver directly.
DATABASE_DOWN = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)
RETRY_AFTER_SECONDS = 30
TRACEBACK_EVERY = 60.0
_last_traceback = float("-inf")


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return outage_page(request, exception)


def outage_page(request, exception: BaseException | None) -> HttpResponse | None:
    """The 503 page for the database being down, logged; None for any other error."""
    if not isinstance(exception, DATABASE_DOWN):
        return None
    _log(request, exception)
    response = outage_response()
    response._has_been_logged = True  # logged above: Django need not log it again
    return response


def outage_response() -> HttpResponse:
    response = HttpResponse(
        loader.render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _log(request, exception: Exception) -> None:
    global _last_traceback
    now = time.monotonic()
    with_traceback = now - _last_traceback >= TRACEBACK_EVERY
    if with_traceback:
        _last_traceback = now
    logger.error(
        "Database unavailable: %s %s (%s)",
        request.method,
        request.path,
        type(exception).__name__,
        exc_info=exception if with_traceback else None,
    )
