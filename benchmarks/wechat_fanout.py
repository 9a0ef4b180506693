"""Fan-out of queued template messages to a fake WeChat API answering with 20 ms latency.

Usage (from the repository root):

    .venv/bin/python benchmarks/wechat_fanout.py --messages 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python benchmarks/wechat_fanout.py --messages 100000 --threads 64

The fake WeChat server runs in a child process (so its work and its record of every call
stay out of the measured process). The database is migrated; followers and messages from an
earlier run are removed. The messages are bulk-created in the shape ``outbox.notify`` writes
them (content rendered, idempotency key, client_msg_id), after timing ``notify`` itself on a
sample. Then ``deliver_due`` sends them all with the given worker settings; printed are the
messages per second, the wall time, the worker's resident memory before delivery and its
peak during delivery. Last, a plain sequential wechatpy loop (one ``send_template`` per
message) sends a sample to the same server, for comparison.
"""

import argparse
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Delivery is driven here: the task queue must not run anything by itself.
os.environ["DJANGO_TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

PREFIX = "bench-"
TEMPLATE_ID = "tpl-bench-visit"
TEMPLATE_SEND = "/cgi-bin/message/template/send"
CHUNK = 5000


def serve_fake(latency: float, conn) -> None:
    """Child process: run the fake server and answer questions about what it received."""
    from wechat.fake_api import FakeWeChat

    fake = FakeWeChat(latency=latency).start()
    conn.send(fake.url)
    while (command := conn.recv()) != "stop":
        if command == "stats":
            sends = fake.calls_to(TEMPLATE_SEND)
            keys = [c.body.get("client_msg_id") for c in sends if isinstance(c.body, dict)]
            conn.send(
                {
                    "sends": len(sends),
                    "delivered": len(fake.delivered_to(TEMPLATE_SEND)),
                    "distinct_keys": len(set(keys)),
                }
            )
    fake.stop()


def rss_kib(field: str) -> int:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak_rss() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per answer")
    parser.add_argument("--sequential", type=int, default=1000, help="wechatpy loop sample")
    parser.add_argument("--notify-sample", type=int, default=1000, help="timed notify calls")
    parser.add_argument("--database", help="a DATABASE_URL (default: the environment's)")
    args = parser.parse_args()
    if args.database:
        os.environ["DATABASE_URL"] = args.database

    parent_conn, child_conn = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=serve_fake, args=(args.latency, child_conn), daemon=True
    )
    server.start()
    fake_url = parent_conn.recv()
    from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET

    os.environ.update(
        WECHAT_APP_ID=DEFAULT_APP_ID,
        WECHAT_APP_SECRET=DEFAULT_APP_SECRET,
        WECHAT_API_ROOT=fake_url,
        WECHAT_ALLOW_API_ROOT="true",
    )

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(
        f"database: {connection.vendor}  messages: {args.messages}  threads: {args.threads}  "
        f"batch size: {args.batch_size}  latency: {args.latency * 1000:.0f} ms"
    )
    clean()
    notify_rate = queue_messages(args.messages, args.notify_sample)
    print(f"notify: {notify_rate:,.0f} messages/s over a sample of {args.notify_sample}")

    from wechat.delivery import deliver_due

    rss_before = rss_kib("VmRSS")
    reset_peak_rss()
    start = time.perf_counter()
    counts = deliver_due(batch_size=args.batch_size, threads=args.threads)
    wall = time.perf_counter() - start
    peak = rss_kib("VmHWM")
    parent_conn.send("stats")
    stats = parent_conn.recv()
    rate = counts.sent / wall
    print(f"outbox: {counts.sent:,} sent in {wall:,.1f} s = {rate:,.0f} messages/s  ({counts})")
    print(
        f"fake WeChat: {stats['sends']:,} sends, {stats['delivered']:,} delivered, "
        f"{stats['distinct_keys']:,} distinct client_msg_ids"
    )
    print(
        f"worker memory: {rss_before / 1024:,.0f} MiB before delivery, peak during delivery "
        f"{peak / 1024:,.0f} MiB (+{(peak - rss_before) / 1024:,.0f} MiB); process peak "
        f"(ru_maxrss) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB"
    )

    sequential = sequential_wechatpy(fake_url, args.sequential)
    print(
        f"sequential wechatpy: {args.sequential:,} in {args.sequential / sequential:,.1f} s = "
        f"{sequential:,.0f} messages/s"
    )
    print(f"ratio: {rate / sequential:,.1f}x")
    parent_conn.send("stop")
    server.join(timeout=10)


def clean() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wechat_message WHERE idempotency_key LIKE %s", [PREFIX + "%"])
        cursor.execute("DELETE FROM wechat_follower WHERE openid LIKE %s", [PREFIX + "%"])


def register_kind():
    from wechat import kinds

    return kinds.register(
        kinds.Kind(
            key="bench_visit",
            label="参观预约成功",
            fields=(
                ("thing1", "参观场馆", "{venue}"),
                ("time2", "参观时间", "{start}"),
                ("character_string3", "预约码", "{code}"),
            ),
            email_subject="参观预约成功",
            email_body="{venue} {start} {code}",
            sample={"venue": "市禁毒教育基地", "start": "2024年6月26日 09:00", "code": "A1"},
            url="/booking/{code}/",
            template_id=TEMPLATE_ID,
        )
    )


def queue_messages(total: int, notify_sample: int) -> float:
    """Followers and their messages: ``notify_sample`` through notify (timed), the rest
    bulk-created as notify writes them. Returns notify's rate."""
    from django.db import transaction
    from django.utils import timezone

    from wechat import outbox, texts
    from wechat.models import Follower, Message
    from wechat.models.messages import Channel

    kind = register_kind()
    for start in range(0, total, CHUNK):
        Follower.objects.bulk_create(
            [
                Follower(openid=f"{PREFIX}{n}", subscribed=True)
                for n in range(start, min(start + CHUNK, total))
            ]
        )
    sample = min(notify_sample, total)
    began = time.perf_counter()
    for n in range(sample):
        with transaction.atomic():
            outbox.notify(f"{PREFIX}{n}", kind.key, context(n), key=f"{PREFIX}{n}")
    notify_rate = sample / (time.perf_counter() - began) if sample else 0.0

    words = texts.wording(kind)
    followers = dict(Follower.objects.filter(openid__startswith=PREFIX).values_list("openid", "pk"))
    now = timezone.now()
    for start in range(sample, total, CHUNK):
        rows = []
        for n in range(start, min(start + CHUNK, total)):
            rendered = texts.render(words, context(n))
            key = f"{PREFIX}{n}"
            rows.append(
                Message(
                    kind=kind.key,
                    channel=Channel.TEMPLATE,
                    follower_id=followers[key],
                    idempotency_key=key,
                    next_attempt_at=now,
                    payload={
                        "touser": key,
                        "template_id": words.template_id,
                        "data": rendered.data,
                        "url": rendered.url,
                        "client_msg_id": outbox.client_msg_id(key),
                    },
                )
            )
        Message.objects.bulk_create(rows)
    return notify_rate


def context(n: int) -> dict:
    return {"venue": "市禁毒教育基地", "start": "2024年6月26日 09:00", "code": f"B{n:07d}"}


def sequential_wechatpy(fake_url: str, count: int) -> float:
    """A plain wechatpy loop: one send_template after the other. Returns messages/s."""
    import requests
    from wechatpy import WeChatClient

    from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET

    token = requests.get(
        f"{fake_url}/cgi-bin/token",
        params={
            "grant_type": "client_credential",
            "appid": DEFAULT_APP_ID,
            "secret": DEFAULT_APP_SECRET,
        },
        timeout=5,
    ).json()["access_token"]
    client = WeChatClient(DEFAULT_APP_ID, DEFAULT_APP_SECRET, access_token=token, timeout=5)
    client.API_BASE_URL = f"{fake_url}/cgi-bin/"
    data = {
        "thing1": {"value": "市禁毒教育基地"},
        "time2": {"value": "2024年6月26日 09:00"},
        "character_string3": {"value": "B0000001"},
    }
    began = time.perf_counter()
    for n in range(count):
        client.message.send_template(f"{PREFIX}seq-{n}", TEMPLATE_ID, data, url="")
    return count / (time.perf_counter() - began)


if __name__ == "__main__":
    main()
