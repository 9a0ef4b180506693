"""Two workers delivering at the same time never send a message twice: claims skip the
rows the other worker holds.

PostgreSQL only: the in-memory SQLite test database, shared between threads, answers
"table is locked" instead of waiting as a file database in WAL mode does.
"""

import threading

import pytest
from django.db import connection

from tests.wechat.outbox_helpers import delivered_keys, queue_many, sends_by_key
from wechat.delivery import Counts, deliver_due
from wechat.models import Message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks across threads")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_workers_send_each_message_once(fake_wechat, settings):
    # Kicks only queue a task here: the immediate backend would send on each commit.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    messages = queue_many(200)
    assert fake_wechat.template_sends == []
    fake_wechat.latency = 0.02  # long enough for both workers to take part
    results: list[Counts] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker() -> None:
        try:
            start.wait()
            results.append(deliver_due(batch_size=20, threads=4))
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    assert errors == []
    assert sum(counts.sent for counts in results) == 200
    assert all(counts.sent > 0 for counts in results)  # both took part
    assert set(sends_by_key(fake_wechat).values()) == {1}
    assert sorted(delivered_keys(fake_wechat)) == sorted(m.idempotency_key for m in messages)
    assert Message.objects.filter(status=Message.Status.SENT, attempts=1).count() == 200
