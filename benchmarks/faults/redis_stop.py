"""Fault: Redis stopped during load.

While the Locust mix runs (its quiz and booking posts go through the rate limits) and a task
worker sends WeChat messages, the private Redis is stopped for --outage seconds and started
again (empty: it keeps nothing on disk). PASS when: no request got a 5xx; public pages
answered 200 from the database during the outage; messages queued during the outage were
sent (the access token fetched without the shared lock) once each; after Redis returns the
page cache answers hits again.

    .venv/bin/python benchmarks/faults/redis_stop.py [--quick] [--outage 60]
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.faults import common  # noqa: E402
from benchmarks.private_services import Stack  # noqa: E402

SETTLE = 10
MESSAGES = 200


def run(args) -> dict:
    from benchmarks.faults.db_restart import _an_article
    from benchmarks.load import measure

    checks = common.Checks("redis_stop")
    with Stack("redis_stop") as stack:
        plan = measure.make_plan(students=2000, visitors=100)
        stack.gunicorn(common.PORT, workers=args.workers, threads=args.threads)
        stack.db_worker()
        article = _an_article()
        probe = common.Probe(common.PORT, article)
        load = common.BackgroundLoad(
            stack, common.PORT, plan, users=20, seconds=args.outage + 3 * SETTLE, label="redis_stop"
        )
        probe.start()
        load.start()
        time.sleep(SETTLE)
        down = time.monotonic()
        stack.redis.stop()
        time.sleep(2)
        keys = common.queue_messages(MESSAGES)
        sent_while_down = common.wait_for(lambda: _all_sent(keys), args.outage - 2)
        remaining = args.outage - (time.monotonic() - down)
        time.sleep(max(remaining, 0))
        stack.redis.start()
        up = time.monotonic()
        load.join()
        time.sleep(SETTLE)  # the probe alone: its page cached again and answered from the cache
        probe.stop()
        during = probe.statuses(down + 1, up)
        everything = probe.statuses(0, time.monotonic())
        errors = sum(n for s, n in everything.items() if s.startswith("5"))
        checks.add("no 5xx from the probe", errors == 0, seen=everything)
        errors = [f for f in load.failures if "503" in f["error"]] + load.server_errors()
        checks.add("no 5xx under load", not errors, errors=errors)
        checks.add(
            "public pages 200 from the database during the outage",
            bool(during) and set(during) == {"200"},
            seen=during,
        )
        checks.add("messages sent while Redis was down", sent_while_down, queued=len(keys))
        common.delivered_once(checks, stack.wechat, keys)
        caches_after = probe.caches(up + 5, time.monotonic())
        if set(caches_after) == {"-"}:
            checks.add("page cache hits resume", None, note="no X-Cache header on the page")
        else:
            checks.add(
                "page cache hits resume",
                caches_after.get("hit", 0) > 0,
                during=probe.caches(down + 1, up),
                after=caches_after,
            )
        return checks.result(outage_s=args.outage, load=load.figures.get("all"))


def _all_sent(keys: list[str]) -> bool:
    from wechat.models import Message

    pending = Message.objects.filter(idempotency_key__in=keys).exclude(status=Message.Status.SENT)
    return not pending.exists()


if __name__ == "__main__":
    common.standalone(run, __doc__.splitlines()[0])
