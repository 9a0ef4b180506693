"""Quiz submissions per second through gunicorn over real HTTP, next to a view that does a
single INSERT, in the same run; then a check that the kept counts are still exact.

Usage (from the repository root, on PostgreSQL filled by the generator):

    .venv/bin/pip install gunicorn      # the "production" extra: pip install -e '.[production]'
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_bench_big
    .venv/bin/python manage.py generate_rate_load
    .venv/bin/python benchmarks/quiz_submit.py [--submits 2000] [--concurrency 32] [--workers 4]

Steps:

1. N students of the generated schools who have not answered yet (spread over --schools
   schools, as classes answering at the same time) each get an attempt in progress
   (``start_attempt``) and a session that identifies them, as after the join page.
2. gunicorn starts with --workers sync workers on 127.0.0.1 (settings
   ``benchmarks.submit_settings``: the project's, plus the comparison view).
3. Untimed, each student's answering page is fetched: the CSRF cookie and the form's token
   come from it, as in a browser.
4. Timed: --concurrency threads POST every student's answers (about four in five right) to
   the quiz's submit address, one new connection per request as a phone would; then the same
   requests go to the single-INSERT view. A submit counts when answered by the redirect to
   the result page. Printed: submissions/s, client-observed p50/p95/p99 latency, errors, and
   the ratio of the two rates.
5. gunicorn stops; every attempt must be submitted exactly once, and
   ``rebuild_rates --dry-run --period <the load period>`` must find no difference.
"""

import argparse
import concurrent.futures
import http.client
import io
import itertools
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETTINGS = "benchmarks.submit_settings"
os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
os.environ.setdefault("DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RIGHT_SHARE = 0.8


@dataclass
class Sitting:
    """One student's attempt as the client holds it."""

    token: str
    session: str
    address: str  # sent as X-Real-IP, as nginx would: each student is a device of its own
    body: str = ""
    csrf_cookie: str = ""


@dataclass
class Run:
    name: str
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: str, seconds: float) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status == "ok":
                self.latencies.append(seconds * 1000)

    def summary(self) -> dict:
        ok = self.statuses.get("ok", 0)
        cuts = statistics.quantiles(self.latencies, n=100) if len(self.latencies) > 1 else [0] * 99
        return {
            "requests": sum(self.statuses.values()),
            "ok": ok,
            "errors": {k: v for k, v in self.statuses.items() if k != "ok"},
            "per_second": round(ok / self.wall, 1) if self.wall else 0,
            "wall_s": round(self.wall, 2),
            "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1),
            "p99_ms": round(cuts[98], 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submits", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args()
    gunicorn = find_gunicorn(".venv/bin/pip install gunicorn")

    import django

    django.setup()
    from django.db import connection

    from benchmarks.insert_view import CREATE_TABLE, DROP_TABLE
    from education.models import Period, QuizPage
    from education.rate_load import PREFIX, QUIZ_SLUG

    if connection.vendor != "postgresql":
        sys.exit("请用 PostgreSQL 运行（设置 DATABASE_URL）。")
    period = Period.objects.filter(name__startswith=PREFIX).first()
    quiz = QuizPage.objects.filter(slug=QUIZ_SLUG, period=period).first()
    if period is None or quiz is None:
        sys.exit("没有压测数据：先运行 manage.py generate_rate_load。")
    sittings = prepare(quiz, period, args.submits, args.schools)
    with connection.cursor() as cursor:
        cursor.execute(CREATE_TABLE)
    connection.close()  # the server's workers and this process share nothing but the data
    args.port = args.port or free_port()
    server = start_server(gunicorn, args)
    base = ("127.0.0.1", args.port)
    try:
        fetch_forms(base, sittings, args.concurrency)
        submit = fire(base, "/attempt/{token}/", "/result/", sittings, args.concurrency)
        insert = fire(base, "/bench/insert/{token}/", "/result/", sittings, args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=30)
    verified = verify(period, sittings, submit)
    with connection.cursor() as cursor:
        cursor.execute(DROP_TABLE)
    forget_sessions(sittings)
    report(args, submit, insert, verified)


def prepare(quiz, period, total: int, school_count: int) -> list:
    """Attempts in progress and identifying sessions for ``total`` students who have not
    answered yet, taken in turn from the generated schools with the most of them (their
    roster less the participants their count rows hold)."""
    from django.conf import settings
    from django.db.models import Exists, F, OuterRef, Q, Sum
    from django.db.models.functions import Coalesce

    from education.models import Result, School, Student
    from education.quiz_attempts import start_attempt
    from education.rate_load import PREFIX
    from education.student_identity import keep_identity

    answered = Result.objects.filter(student=OuterRef("pk"), period=period)
    participants = Sum("rate_counts__participants", filter=Q(rate_counts__period=period))
    schools = (
        School.objects.filter(name__startswith=PREFIX)
        .annotate(fresh=F("roster_size") - Coalesce(participants, 0))
        .order_by("-fresh", "pk")
    )
    queues = [
        Student.objects.filter(school=school, active=True)
        .exclude(Exists(answered))
        .order_by("pk")[: total // school_count + 1]
        for school in schools[:school_count]
    ]
    # In turn from each school, as classes of several schools answering at the same time.
    waves = itertools.zip_longest(*(list(queue) for queue in queues))
    students = [student for wave in waves for student in wave if student][:total]
    if len(students) < total:
        sys.exit(f"这些学校只有 {len(students)} 名学生还没有答题，少于 --submits {total}。")
    store = import_module(settings.SESSION_ENGINE).SessionStore
    rng = random.Random(626)
    sittings = []
    started = time.perf_counter()
    for number, student in enumerate(students):
        attempt = start_attempt(quiz, student=student)
        session = store()
        keep_identity(session, student.pk)
        session.create()
        sittings.append(
            Sitting(
                token=str(attempt.token),
                session=session.session_key,
                address=f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}",
                body=answers(attempt.questions, rng),
            )
        )
    print(
        f"prepared {len(sittings)} attempts in progress for students of {len(queues)} schools "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return sittings


def answers(questions: list[dict], rng: random.Random) -> str:
    """The form as a student fills it: the right choice about four times in five."""
    fields = []
    for position, question in enumerate(questions):
        keys = [choice["key"] for choice in question["choices"]]
        wrong = [key for key in keys if key not in question["key"]]
        chosen = question["key"] if rng.random() < RIGHT_SHARE or not wrong else [wrong[0]]
        fields += [(f"q{position}", key) for key in chosen]
    return urlencode(fields)


def find_gunicorn(install: str) -> str:
    """gunicorn from the project's virtualenv, else from PATH; without it the benchmark stops
    and says to run ``install``."""
    venv = str(ROOT / ".venv" / "bin")
    gunicorn = shutil.which("gunicorn", path=venv) or shutil.which("gunicorn")
    if gunicorn is None:
        sys.exit(f"找不到 gunicorn：请先运行 {install}")
    return gunicorn


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(
    gunicorn: str, args, *, threads: int = 1, settings: str = SETTINGS
) -> subprocess.Popen:
    command = [
        gunicorn,
        "--workers",
        str(args.workers),
        "--threads",
        str(threads),
        "--bind",
        f"127.0.0.1:{args.port}",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
        "config.wsgi",
    ]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    server = subprocess.Popen(command, env=environment)  # noqa: S603 (our own command line)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            status, _headers, _body = request(("127.0.0.1", args.port), "GET", "/robots.txt")
            if status == 200:
                print(
                    f"gunicorn: {args.workers} workers × {threads} threads, 127.0.0.1:{args.port}"
                )
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn 没有在 60 秒内启动。")


def request(base, method: str, path: str, body: str = "", headers: dict | None = None):
    connection = http.client.HTTPConnection(*base, timeout=60)
    try:
        connection.request(method, path, body=body.encode() or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def cookies(sitting: Sitting) -> str:
    pairs = [f"sessionid={sitting.session}"]
    if sitting.csrf_cookie:
        pairs.append(f"csrftoken={sitting.csrf_cookie}")
    return "; ".join(pairs)


def in_parallel(work, clients: list, concurrency: int) -> float:
    """``work(client)`` for every client on ``concurrency`` threads; the wall-clock seconds."""
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(work, clients))
    return time.perf_counter() - started


def form_page(base, path: str, client, what: str) -> str:
    """The page at ``path`` as the client's browser gets it, keeping the CSRF cookie it sets;
    ``what`` names the page in the errors."""
    headers = {"Cookie": cookies(client), "X-Real-IP": client.address}
    status, response_headers, body = request(base, "GET", path, headers=headers)
    if status != 200:
        raise RuntimeError(f"{what}: HTTP {status}")
    for header in response_headers.get_all("Set-Cookie") or []:
        name, _sep, rest = header.partition("=")
        if name.strip() == "csrftoken":
            client.csrf_cookie = rest.split(";")[0]
    page = body.decode()
    if CSRF_FIELD.search(page) is None or not client.csrf_cookie:
        raise RuntimeError(f"{what} without a CSRF token")
    return page


def post_form(base, path: str, client) -> tuple[int, str, float]:
    """The client's form body POSTed to ``path``: the status, the Location header and the
    seconds the answer took. Raises OSError when the connection fails."""
    headers = {
        "Cookie": cookies(client),
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Real-IP": client.address,
    }
    started = time.perf_counter()
    status, response_headers, _body = request(base, "POST", path, client.body, headers)
    return status, response_headers.get("Location", ""), time.perf_counter() - started


def fetch_forms(base, sittings: list, concurrency: int) -> None:
    """The answering page of every attempt: its CSRF cookie and form token."""

    def fetch(sitting: Sitting) -> None:
        page = form_page(base, f"/attempt/{sitting.token}/", sitting, "answering page")
        token = CSRF_FIELD.search(page).group(1)
        sitting.body += "&" + urlencode({"csrfmiddlewaretoken": token})

    in_parallel(fetch, sittings, concurrency)


def fire(base, path: str, success: str, sittings: list, concurrency: int) -> Run:
    run = Run(path)

    def post(sitting: Sitting) -> None:
        try:
            status, location, elapsed = post_form(base, path.format(token=sitting.token), sitting)
        except OSError as error:
            run.record(type(error).__name__, 0)
            return
        run.record("ok" if status == 302 and success in location else f"HTTP {status}", elapsed)

    run.wall = in_parallel(post, sittings, concurrency)
    return run


def verify(period, sittings: list, submit: Run) -> dict:
    """Each attempt submitted once and counted once; the kept counts still match a rebuild."""
    from django.core.management import call_command

    from education.models import Attempt, Result

    tokens = [sitting.token for sitting in sittings]
    attempts = Attempt.objects.filter(token__in=tokens)
    submitted = attempts.filter(status=Attempt.Status.SUBMITTED).count()
    counted = Result.objects.filter(
        period=period, student__in=attempts.values("student"), attempts=1
    ).count()
    out = io.StringIO()
    started = time.perf_counter()
    call_command("rebuild_rates", "--dry-run", "--period", str(period.pk), stdout=out)
    rebuild = out.getvalue().strip().splitlines()
    return {
        "attempts_submitted": submitted,
        "submits_answered_ok": submit.statuses.get("ok", 0),
        "results_with_one_attempt": counted,
        "rebuild_rates_dry_run": rebuild[-1] if rebuild else "",
        "rebuild_differences": len(rebuild) - 1,
        "rebuild_seconds": round(time.perf_counter() - started, 1),
    }


def forget_sessions(sittings: list) -> None:
    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    for sitting in sittings:
        store(sitting.session).delete()


def print_ratio(rows: dict, measured: str, label: str, checked: str, checks: dict) -> None:
    """The single-INSERT view's rate over the ``measured`` row's, the checks line by line,
    then the rows, the ratio and the checks (under ``checked``) as one JSON line."""
    ratio = rows["single INSERT view"]["per_second"] / max(rows[measured]["per_second"], 0.1)
    print(f"ratio (single INSERT ÷ {label}): {ratio:.2f}")
    for key, value in checks.items():
        print(f"{key}: {value}")
    print(json.dumps({**rows, "ratio": round(ratio, 2), checked: checks}, ensure_ascii=False))


def report(args, submit: Run, insert: Run, verified: dict) -> None:
    rows = {"quiz submit": submit.summary(), "single INSERT view": insert.summary()}
    print(f"load average after: {os.getloadavg()} ({os.cpu_count()} CPUs)")
    print(
        f"submits: {args.submits}  concurrency: {args.concurrency}  "
        f"gunicorn workers: {args.workers}  schools: {args.schools}"
    )
    print(f"{'endpoint':<20} {'per s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, row in rows.items():
        errors = sum(row["errors"].values())
        print(
            f"{name:<20} {row['per_second']:>8.1f} {row['p50_ms']:>8.1f} "
            f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} {errors:>7}"
        )
    print_ratio(rows, "quiz submit", "quiz submit", "verified", verified)
    exact = (
        verified["attempts_submitted"]
        == verified["submits_answered_ok"]
        == verified["results_with_one_attempt"]
        == args.submits
        and verified["rebuild_differences"] == 0
    )
    if not exact:
        sys.exit("计数不一致！")


if __name__ == "__main__":
    main()
