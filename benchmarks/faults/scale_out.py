"""Scale-out: two gunicorn servers and two task workers on one PostgreSQL and one Redis.

Visitors race for the places of a few slots, half of them through each server; meanwhile
the Locust mix (students taking the quiz, readers) runs against both servers, a WeChat
broadcast to every follower starts and a batch of template messages is queued, all sent by
the two ``db_worker`` processes. PASS when: no place is sold twice (booked persons within
capacity, slot counters equal to a recount, one booking row and one message per booking
answered), no request got a 5xx, every message is sent and the fake WeChat API received
each template message and each broadcast batch exactly once.

    .venv/bin/python benchmarks/faults/scale_out.py [--quick]
"""

import collections
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.faults import common  # noqa: E402
from benchmarks.private_services import Stack  # noqa: E402

PORTS = (18001, 18002)
SLOTS, CAPACITY = 3, 30
FINISH = 300


def run(args) -> dict:
    from benchmarks.load import measure

    checks = common.Checks("scale_out")
    racers = 200 if args.quick else 600
    seconds = 30 if args.quick else 90
    with Stack("scale_out", latency=0.02) as stack:
        plan = measure.make_plan(students=2000, visitors=100)
        for port in PORTS:
            stack.gunicorn(port, workers=2, threads=args.threads)
        for _ in range(2):
            stack.db_worker()
        from benchmarks import booking_load

        venue, clients = booking_load.build(racers, SLOTS, CAPACITY)
        halves = (clients[0::2], clients[1::2])
        loads = [
            common.BackgroundLoad(
                stack, port, plan, users=10, seconds=seconds, label=f"scale_out-{port}"
            )
            for port in PORTS
        ]
        for load in loads:
            load.start()
        keys = common.queue_messages(500 if args.quick else 2000)
        broadcast = _broadcast()
        tallies = _race(halves)
        for load in loads:
            load.join()
        booked = sum(t.outcomes.get("booked", 0) for t in tallies)
        errors = sum(
            n for t in tallies for k, n in t.outcomes.items() if k not in ("booked", "refused")
        )
        audited = booking_load.audit(venue, booked)
        checks.add(
            "no place sold twice",
            audited["oversold_places"] == 0 and audited["slots_with_counters_off"] == 0,
            **audited,
        )
        checks.add(
            "one booking and one message per booking answered",
            audited["bookings_in_database"] == booked == audited["messages_queued"],
        )
        checks.add(
            "no error in the booking race", errors == 0, outcomes=[t.outcomes for t in tallies]
        )
        server_errors = [f for load in loads for f in load.server_errors()]
        checks.add("no 5xx under the mix on either server", not server_errors, errors=server_errors)
        settled = common.wait_for(lambda: _settled(keys, broadcast), FINISH, 3)
        checks.add("every message settled", settled)
        common.delivered_once(checks, stack.wechat, keys)
        _broadcast_once(checks, stack, broadcast)
        return checks.result(
            racers=racers,
            slots=SLOTS,
            capacity=CAPACITY,
            mix=[load.figures.get("all") for load in loads],
        )


def _race(halves) -> list:
    from benchmarks import booking_race

    tallies = [None, None]

    def one(index: int) -> None:
        base = ("127.0.0.1", PORTS[index])
        booking_race.fetch_forms(base, halves[index], 50)
        tallies[index] = booking_race.race(base, halves[index], 100)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tallies


def _broadcast():
    from wechat.broadcasts import start_broadcast
    from wechat.models import Broadcast

    text = "6·26 国际禁毒日，一起参与禁毒知识答题。"
    draft = Broadcast.objects.create(title="扩容测试群发", text=text, to_all=True)
    return start_broadcast(draft, None)


def _settled(keys: list[str], broadcast) -> bool:
    from django.db.models import Q

    from wechat.models import Message

    ours = Q(idempotency_key__in=keys) | Q(broadcast=broadcast)
    return not Message.objects.filter(ours, status=Message.Status.PENDING).exists()


def _broadcast_once(checks, stack, broadcast) -> None:
    from wechat.models import Message

    batches = list(Message.objects.filter(broadcast=broadcast))
    expected = {m.payload.get("clientmsgid") for m in batches}
    sent = [c.body.get("clientmsgid") for c in stack.wechat.delivered(common.MASS_SEND)]
    counts = collections.Counter(key for key in sent if key in expected)
    once = len(counts) == len(batches) and all(n == 1 for n in counts.values())
    checks.add(
        "each broadcast batch sent exactly once",
        once and bool(batches),
        batches=len(batches),
        deliveries=sum(counts.values()),
    )


if __name__ == "__main__":
    common.standalone(run, __doc__.splitlines()[0])
