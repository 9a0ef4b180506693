"""What the fault scripts share: PASS/FAIL checks, a probe that polls one address through
an outage, Locust load in the background, the database invariants, queued WeChat messages
and the command line of a script run alone."""

import argparse
import collections
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.quiz_submit import request  # noqa: E402

PORT = 18000
TEMPLATE_SEND = "/cgi-bin/message/template/send"
MASS_SEND = "/cgi-bin/message/mass/send"


class Checks:
    """PASS/FAIL lines, printed as they come and kept for the report (``None`` = SKIP)."""

    def __init__(self, fault: str):
        self.fault = fault
        self.rows: list[dict] = []

    def add(self, check: str, passed: bool | None, **figures) -> None:
        verdict = {True: "PASS", False: "FAIL", None: "SKIP"}[passed]
        shown = " ".join(f"{k}={v}" for k, v in figures.items())
        print(f"{verdict} {self.fault}: {check}  {shown}", flush=True)
        self.rows.append({"check": check, "pass": passed, **figures})

    @property
    def passed(self) -> bool:
        return all(row["pass"] is not False for row in self.rows)

    def result(self, **extra) -> dict:
        return {"pass": self.passed, "checks": self.rows, **extra}


class Probe(threading.Thread):
    """GETs ``path`` every ``every`` seconds, keeping (time sent, status, X-Cache) of each."""

    def __init__(self, port: int, path: str, every: float = 0.25, address: str = "127.9.9.9"):
        super().__init__(daemon=True)
        self.base = ("127.0.0.1", port)
        self.path = path
        self.every = every
        self.headers = {"X-Real-IP": address}
        self.seen: list[tuple[float, str, str]] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            sent = time.monotonic()
            try:
                status, headers, _body = request(self.base, "GET", self.path, headers=self.headers)
                self.seen.append((sent, str(status), headers.get("X-Cache", "-")))
            except OSError as error:
                self.seen.append((sent, type(error).__name__, "-"))
            self.halt.wait(self.every)

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=70)

    def statuses(self, start: float, end: float) -> dict[str, int]:
        return dict(collections.Counter(s for t, s, _c in self.seen if start <= t <= end))

    def caches(self, start: float, end: float) -> dict[str, int]:
        return dict(collections.Counter(c for t, _s, c in self.seen if start <= t <= end))


class BackgroundLoad(threading.Thread):
    """The Locust mix against one server for ``seconds``, in the background."""

    def __init__(self, stack, port: int, plan: Path, users: int, seconds: int, label: str):
        super().__init__(daemon=True)
        self.arguments = (stack, port, plan, users, seconds, label)
        self.figures: dict = {}
        self.failures: list = []

    def run(self) -> None:
        from benchmarks.load import runner
        from benchmarks.load.measure import OUT

        stack, port, plan, users, seconds, label = self.arguments
        out = OUT / label
        self.figures = runner.run(
            f"http://127.0.0.1:{port}",
            plan,
            "MixVisitor",
            users=users,
            seconds=seconds,
            out=out,
            wait=(0.2, 1),
            env=stack.env,
        )
        self.failures = runner.failures(out, "MixVisitor", users)

    def server_errors(self) -> list[dict]:
        """The failures answered with a 5xx other than 503."""
        return [f for f in self.failures if _is_server_error(f["error"])]


def _is_server_error(error: str) -> bool:
    return any(
        f"HTTP {code}" in error or f"code={code}" in error
        for code in range(500, 600)
        if code != 503
    )


def database_invariants(checks: Checks) -> None:
    """No half-written booking or attempt: slot counters equal the recount and stay within
    capacity; every confirmed booking has its message; every handed-in attempt has its
    items and its student's result; the kept rate counts match a rebuild."""
    import io

    from django.core.management import call_command
    from django.db import close_old_connections
    from django.db.models import Count, Q
    from django.utils import timezone

    from benchmarks.booking_load import counters_off
    from booking.models import Booking, Pool, Slot
    from education.models import Attempt, Result

    close_old_connections()
    now = timezone.now()
    slots = list(Slot.objects.select_related("venue"))
    off = sum(counters_off(slot, now) for slot in slots)
    over = sum(slot.places_left(pool) < 0 for slot in slots for pool in (Pool.GROUP, Pool.PUBLIC))
    checks.add("slot counters equal the recount", off == 0, slots=len(slots), differing=off)
    checks.add("no slot over capacity", over == 0, over=over)
    confirmed = Booking.objects.filter(status=Booking.Status.CONFIRMED)
    keys = {f"booking:{pk}:booking.confirmed" for pk in confirmed.values_list("pk", flat=True)}
    from wechat.models import Message

    with_message = Message.objects.filter(idempotency_key__in=keys).count()
    checks.add(
        "every confirmed booking has its message",
        with_message == len(keys),
        bookings=len(keys),
        messages=with_message,
    )
    submitted = Attempt.objects.filter(status=Attempt.Status.SUBMITTED)
    partial = submitted.annotate(n=Count("items")).filter(Q(n=0) | Q(score__isnull=True)).count()
    unresulted = (
        submitted.filter(student__isnull=False, period__isnull=False)
        .exclude(student__in=Result.objects.values("student"))
        .count()
    )
    checks.add(
        "every handed-in attempt has its items, score and result",
        partial == 0 and unresulted == 0,
        attempts=submitted.count(),
        without_items_or_score=partial,
        without_result=unresulted,
    )
    out = io.StringIO()
    call_command("rebuild_rates", "--dry-run", stdout=out)
    lines = out.getvalue().strip().splitlines()
    checks.add("rate counts match a rebuild", len(lines) <= 1, last_line=lines[-1] if lines else "")


def queue_messages(count: int) -> list[str]:
    """``count`` template messages to new followers, queued as ``outbox.notify`` writes
    them, and a delivery run enqueued for the task workers; their idempotency keys."""
    from benchmarks import wechat_fanout
    from wechat.models import Message
    from wechat.tasks import deliver_messages

    wechat_fanout.queue_messages(count, notify_sample=min(count, 50))
    deliver_messages.enqueue()
    keys = Message.objects.filter(idempotency_key__startswith=wechat_fanout.PREFIX)
    return list(keys.values_list("idempotency_key", flat=True))


def delivered_once(checks: Checks, wechat, keys: list[str]) -> None:
    """Every queued message sent, and the fake API received each exactly once (counted over
    all its runs: a send repeated after a restart of the fake would show twice)."""
    from wechat.models import Message
    from wechat.outbox import client_msg_id

    sent = Message.objects.filter(idempotency_key__in=keys, status=Message.Status.SENT).count()
    expected = {client_msg_id(key) for key in keys}
    calls = [c.body.get("client_msg_id") for c in wechat.delivered(TEMPLATE_SEND)]
    ours = [c for c in calls if c in expected]
    counts = collections.Counter(ours)
    twice = sum(1 for n in counts.values() if n > 1)
    checks.add("every queued message sent", sent == len(keys), queued=len(keys), sent=sent)
    accepted = [c for c in wechat.calls(TEMPLATE_SEND) if (c.response or {}).get("errcode") == 0]
    repeats = sum(1 for c in accepted if c.body.get("client_msg_id") in expected) - len(ours)
    checks.add(
        "each delivered exactly once",
        len(counts) == len(keys) and twice == 0,
        delivered_distinct=len(counts),
        deliveries=len(ours),
        duplicated=twice,
        repeated_sends_deduplicated=repeats,
    )


def wait_for(condition, timeout: float, every: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


def standalone(run, description: str) -> None:
    """A fault script run alone: its options, its run, exit status 1 on any FAIL."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="short outages, little load")
    parser.add_argument("--outage", type=int, help="seconds (default 60, quick 15)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if args.outage is None:
        args.outage = 15 if args.quick else 60
    result = run(args)
    print("PASS" if result["pass"] else "FAIL")
    sys.exit(0 if result["pass"] else 1)
