"""Fault: the task worker killed mid-batch, and the WeChat API down meanwhile.

Template messages are queued for new followers; a ``manage.py db_worker`` starts sending
them to the fake WeChat API (answering in 20 ms each). Once some have gone out the worker
is killed with SIGKILL in the middle of its batch, the fake API is stopped, a new worker is
started, and after --outage seconds the fake API is started again on the same port (it
knows no earlier token, so the workers must fetch a new one). PASS when every queued
message ends up sent and the fake API received each exactly once, counted over both of its
runs. The messages the killed worker had claimed wait for their lease (2 minutes) and the
sends that failed during the outage back off (30 s, 60 s, ...), so a run takes the outage
plus about 2–4 minutes.

    .venv/bin/python benchmarks/faults/worker_kill.py [--quick] [--outage 60]
"""

import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.faults import common  # noqa: E402
from benchmarks.private_services import Stack, stop_group  # noqa: E402

LATENCY = 0.02  # seconds per answer of the fake API
FINISH = 420  # seconds allowed after the outage for every message to go out


def run(args) -> dict:
    checks = common.Checks("worker_kill")
    count = 2000 if args.quick else 5000
    with Stack("worker_kill", latency=LATENCY) as stack:
        import django

        django.setup()
        keys = common.queue_messages(count)
        worker = stack.db_worker()
        started = common.wait_for(lambda: len(_sent_by_fake(stack)) >= count // 10, 180, 0.2)
        sent_before_kill = len(_sent_by_fake(stack))
        stop_group(worker, signal.SIGKILL)
        in_flight = _leased(keys)
        stack.wechat.stop()
        stack.db_worker()
        checks.add(
            "killed in the middle of a batch",
            started and in_flight > 0,
            sent_before_kill=sent_before_kill,
            leased_at_kill=in_flight,
        )
        time.sleep(args.outage)
        stack.wechat.start()
        back = time.monotonic()
        finished = common.wait_for(lambda: _finished(keys), FINISH, 3)
        checks.add(
            "every message settled after the outage",
            finished,
            seconds_after_outage=round(time.monotonic() - back),
        )
        common.delivered_once(checks, stack.wechat, keys)
        return checks.result(outage_s=args.outage, messages=count)


def _sent_by_fake(stack) -> list:
    return stack.wechat.delivered(common.TEMPLATE_SEND)


def _leased(keys: list[str]) -> int:
    from django.utils import timezone

    from wechat.models import Message

    return Message.objects.filter(
        idempotency_key__in=keys, status=Message.Status.PENDING, lease_until__gt=timezone.now()
    ).count()


def _finished(keys: list[str]) -> bool:
    from wechat.models import Message

    return not Message.objects.filter(
        idempotency_key__in=keys, status=Message.Status.PENDING
    ).exists()


if __name__ == "__main__":
    common.standalone(run, __doc__.splitlines()[0])
