"""Booking attempts per second through gunicorn, 500 clients racing for 20 slots over real
HTTP on PostgreSQL, next to the single-INSERT view in the same run; then the count of
oversold places, from the database (must be 0).

Usage (from the repository root):

    .venv/bin/pip install -e '.[production]'   # gunicorn
    .venv/bin/python benchmarks/booking_race.py [--users 2000] [--concurrency 500] \\
        [--slots 20] [--capacity 60] [--workers 2] [--threads 8]

Without DATABASE_URL it uses (and first creates and migrates) the PostgreSQL database
``bench_booking`` on 127.0.0.1:5432 as user postgres; with DATABASE_URL, that database
(migrated first).

Steps:

1. A venue with --slots slots of --capacity public places each, all open for booking, and
   --users visitors, each signed in through a session of their own and set on a slot drawn
   at random with a party of 2–5 (benchmarks/booking_load.py).
2. gunicorn starts with --workers workers of --threads threads on 127.0.0.1 (settings
   ``benchmarks.booking_settings``: the project's, plus the single-INSERT view).
3. Untimed, each visitor's booking form is fetched: the CSRF cookie, the form's token and
   its submission key come from it, as in a browser.
4. Timed: --concurrency threads POST every visitor's booking to /visit/slot/<id>/public/,
   one new connection per request as a phone would. A booking is the redirect to its page,
   a refusal the form again with the reason (HTTP 409); anything else is an error. Then the
   same requests go to the single-INSERT view. Printed: attempts/s, client-observed p50/p95
   latency, bookings, refusals, errors.
5. gunicorn stops; from the database: oversold places (booked persons above capacity,
   summed over slots), slots whose display counters differ from a recount, bookings and
   queued messages against the bookings answered. The run's data is removed afterwards.
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATABASE = "bench_booking"
SERVER = "postgres://postgres@127.0.0.1:5432"
# Bookings queue their messages for the task worker, as in production (none runs here).
os.environ.setdefault("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

from benchmarks import quiz_submit  # noqa: E402  (after the path and the tasks backend)
from benchmarks.quiz_submit import (  # noqa: E402
    CSRF_FIELD,
    form_page,
    in_parallel,
    post_form,
)

# The quiz benchmark's settings, with refusals not logged one by one.
SETTINGS = os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.booking_settings"

KEY_FIELD = re.compile(r'name="key" value="([0-9a-f]+)"')
BOOKED, REFUSED = "booked", "refused"


@dataclass
class Tally:
    """The answers to one endpoint's requests, with the latency of every answered one."""

    latencies: list[float] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome: str, seconds: float | None) -> None:
        with self.lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
            if seconds is not None:
                self.latencies.append(seconds * 1000)

    def summary(self) -> dict:
        attempts = sum(self.outcomes.values())
        cuts = statistics.quantiles(self.latencies, n=100) if len(self.latencies) > 1 else [0] * 99
        errors = {k: v for k, v in self.outcomes.items() if k not in (BOOKED, REFUSED)}
        return {
            "attempts": attempts,
            "per_second": round(attempts / self.wall, 1) if self.wall else 0,
            "wall_s": round(self.wall, 2),
            "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1),
            "booked": self.outcomes.get(BOOKED, 0),
            "refused": self.outcomes.get(REFUSED, 0),
            "errors": errors,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=500)
    parser.add_argument("--slots", type=int, default=20)
    parser.add_argument("--capacity", type=int, default=60, help="public places per slot")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"{SERVER}/{create_database(DEFAULT_DATABASE)}"

    gunicorn = quiz_submit.find_gunicorn(".venv/bin/pip install -e '.[production]'")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import booking_load
    from benchmarks.insert_view import CREATE_TABLE, DROP_TABLE

    if connection.vendor != "postgresql":
        sys.exit("请用 PostgreSQL 运行（设置 DATABASE_URL，或不设置以使用 bench_booking）。")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    venue, clients = booking_load.build(args.users, args.slots, args.capacity)
    print(
        f"prepared {len(clients)} signed-in visitors for {args.slots} slots of "
        f"{args.capacity} places in {time.perf_counter() - started:.1f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute(CREATE_TABLE)
    connection.close()  # the server's workers and this process share nothing but the data
    args.port = args.port or quiz_submit.free_port()
    server = quiz_submit.start_server(gunicorn, args, threads=args.threads, settings=SETTINGS)
    print(f"gunicorn threads per worker: {args.threads}")
    base = ("127.0.0.1", args.port)
    try:
        fetch_forms(base, clients, args.concurrency)
        booking = race(base, clients, args.concurrency)
        insert = quiz_submit.fire(
            base, "/bench/insert/{token}/", "/result/", clients, args.concurrency
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    audited = booking_load.audit(venue, booking.outcomes.get(BOOKED, 0))
    with connection.cursor() as cursor:
        cursor.execute(DROP_TABLE)
    quiz_submit.forget_sessions(clients)
    booking_load.clear()
    report(args, booking, insert, audited)


def create_database(name: str) -> str:
    """``name`` on the local PostgreSQL server, created when missing."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            server.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")
    return name


def form_path(client) -> str:
    return f"/visit/slot/{client.slot_id}/public/"


def fetch_forms(base, clients: list, concurrency: int) -> None:
    """Each visitor's booking form: the CSRF cookie, the form's token and submission key,
    and the filled-in body."""

    def fetch(client) -> None:
        page = form_page(base, form_path(client), client, "booking form")
        token, key = CSRF_FIELD.search(page), KEY_FIELD.search(page)
        if key is None:
            raise RuntimeError("booking form without a submission key")
        client.body = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "key": key.group(1),
                "contact_name": "压测访客",
                "phone": "13800000001",
                "visitors": client.visitors,
            }
        )

    in_parallel(fetch, clients, concurrency)


def race(base, clients: list, concurrency: int) -> Tally:
    tally = Tally()

    def post(client) -> None:
        try:
            status, location, elapsed = post_form(base, form_path(client), client)
        except OSError as error:
            tally.record(type(error).__name__, None)
            return
        if status == 302 and "/visit/booking/" in location:
            tally.record(BOOKED, elapsed)
        elif status == 409:
            tally.record(REFUSED, elapsed)
        else:
            tally.record(f"HTTP {status}", elapsed)

    tally.wall = in_parallel(post, clients, concurrency)
    return tally


def report(args, booking: Tally, insert, audited: dict) -> None:
    plain = insert.summary()
    rows = {
        "booking POST": booking.summary(),
        "single INSERT view": {
            **{key: plain[key] for key in ("wall_s", "p50_ms", "p95_ms")},
            "attempts": plain["requests"],
            "per_second": round(plain["requests"] / insert.wall, 1) if insert.wall else 0,
            "booked": plain["ok"],
            "refused": 0,
            "errors": plain["errors"],
        },
    }
    print(f"load average after: {os.getloadavg()} ({os.cpu_count()} CPUs)")
    print(
        f"visitors: {args.users}  concurrency: {args.concurrency}  slots: {args.slots} × "
        f"{args.capacity} places  gunicorn: {args.workers} workers × {args.threads} threads"
    )
    print(
        f"{'endpoint':<20} {'per s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'booked':>7} {'refused':>8} {'errors':>7}"
    )
    for name, row in rows.items():
        print(
            f"{name:<20} {row['per_second']:>8.1f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['booked']:>7} {row['refused']:>8} {sum(row['errors'].values()):>7}"
        )
    quiz_submit.print_ratio(rows, "booking POST", "booking", "database", audited)
    exact = (
        audited["oversold_places"] == 0
        and audited["slots_with_counters_off"] == 0
        and audited["bookings_in_database"]
        == audited["bookings_answered"]
        == audited["messages_queued"]
    )
    if not exact:
        sys.exit("超售或计数不一致！")


if __name__ == "__main__":
    main()
