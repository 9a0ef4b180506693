"""Fault: PostgreSQL restarted during load.

While the Locust mix runs against gunicorn, the private PostgreSQL is shut down (fast
shutdown: connections cut) for --outage seconds and started again. PASS when: no request
got a 500 (or another 5xx than 503); pages that need the database answered 503 during the
outage; afterwards the same gunicorn master and workers (same PIDs, none restarted) serve
200 again; the database holds no half-written booking or attempt.

    .venv/bin/python benchmarks/faults/db_restart.py [--quick] [--outage 60]
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.faults import common  # noqa: E402
from benchmarks.private_services import Stack, worker_pids  # noqa: E402

DATABASE_PAGE = "/search/?q=%E5%86%B0%E6%AF%92"  # 冰毒: always read from the database
SETTLE = 10  # seconds of load before and after the outage


def run(args) -> dict:
    from benchmarks.load import measure

    checks = common.Checks("db_restart")
    with Stack("db_restart") as stack:
        plan = measure.make_plan(students=2000, visitors=100)
        server = stack.gunicorn(common.PORT, workers=args.workers, threads=args.threads)
        master, workers = server.pid, worker_pids(server.pid)
        article = _an_article()
        probes = [common.Probe(common.PORT, DATABASE_PAGE), common.Probe(common.PORT, article)]
        load = common.BackgroundLoad(
            stack, common.PORT, plan, users=20, seconds=args.outage + 3 * SETTLE, label="db_restart"
        )
        for thread in (*probes, load):
            thread.start()
        time.sleep(SETTLE)
        down = time.monotonic()
        stack.postgres.stop()
        time.sleep(args.outage)
        restarting = time.monotonic()  # answers may be 200 again from here on
        stack.postgres.start()
        up = time.monotonic()
        load.join()
        time.sleep(2)
        for probe in probes:
            probe.stop()
        during = probes[0].statuses(down + 1, restarting)
        after = {}
        for probe in probes:
            after.update(probe.statuses(up + 5, time.monotonic()))
        everything = [probe.statuses(0, time.monotonic()) for probe in probes]
        errors = sum(
            n for seen in everything for s, n in seen.items() if s.startswith("5") and s != "503"
        )
        checks.add(
            "no 500 from the probes",
            errors == 0,
            database_page=everything[0],
            article=everything[1],
        )
        checks.add("no 500 under load", not load.server_errors(), errors=load.server_errors())
        checks.add(
            "database pages answer 503 during the outage",
            bool(during) and set(during) == {"503"},
            seen=during,
        )
        checks.add("pages answer 200 again afterwards", set(after) == {"200"}, seen=after)
        same = server.poll() is None and worker_pids(master) == workers
        checks.add(
            "same gunicorn master and workers", same, before=workers, after=worker_pids(master)
        )
        common.database_invariants(checks)
        return checks.result(outage_s=args.outage, load=load.figures.get("all"))


def _an_article() -> str:
    from education.models import ArticlePage

    return ArticlePage.objects.live().first().url


if __name__ == "__main__":
    common.standalone(run, __doc__.splitlines()[0])
