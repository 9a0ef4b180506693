"""The comparison view of ``benchmarks/quiz_submit.py``: the same POST as a quiz submit
(session cookie, CSRF token, the answers) through the same middleware, answered by a single
INSERT and the same redirect. Mounted only by ``benchmarks/submit_settings.py``."""

from django.db import connection
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as project_urlpatterns

TABLE = "bench_single_insert"
CREATE_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} "
    "(id bigserial PRIMARY KEY, token uuid NOT NULL, answers text NOT NULL, "
    "at timestamptz NOT NULL)"
)
DROP_TABLE = f"DROP TABLE IF EXISTS {TABLE}"


@require_POST
def single_insert(request, token):
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (token, answers, at) VALUES (%s, %s, now())",  # noqa: S608
            [str(token), request.POST.urlencode()],
        )
    return redirect("quiz_result", token=token)


urlpatterns = [
    path("bench/insert/<uuid:token>/", single_insert, name="bench_single_insert"),
    *project_urlpatterns,
]
