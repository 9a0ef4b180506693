"""A one-time 订阅通知 opt-in allows one send, also when two events queue a message to the
same follower at the same moment: the second waits for the first and goes as a template
message (a second 订阅通知 would be refused by WeChat, 43101, and the message lost).

PostgreSQL only: it needs row locks across two connections.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from tests.wechat.outbox_helpers import REMINDER, SUBSCRIBE_ID, follower
from wechat import outbox
from wechat.models.messages import Channel


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks across connections")
@pytest.mark.django_db(transaction=True)
def test_two_messages_at_once_spend_one_opt_in_once(fake_wechat):
    follower("o-yes", subscriptions={SUBSCRIBE_ID: "accept"})
    second: dict = {}
    backend_pid: list[int] = []

    def queue_the_second() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend_pid.append(cursor.fetchone()[0])
            with transaction.atomic():
                message = outbox.notify("o-yes", REMINDER.key, {"venue": "基地"}, key="r2")
            second["channel"] = message.channel
        except BaseException as exc:  # reported by the test thread
            second["error"] = exc
        finally:
            connection.close()

    with transaction.atomic():
        first = outbox.notify("o-yes", REMINDER.key, {"venue": "基地"}, key="r1")
        other = threading.Thread(target=queue_the_second)
        other.start()
        deadline = time.monotonic() + 30
        while other.is_alive() and time.monotonic() < deadline:  # until it waits on us
            if backend_pid and _waiting_for_a_lock(backend_pid[0]):
                break
            time.sleep(0.01)
    other.join(timeout=30)

    assert first.channel == Channel.SUBSCRIBE
    assert second == {"channel": Channel.TEMPLATE}


@pytest.mark.django_db(transaction=True)
def test_queued_outside_a_transaction(fake_wechat):
    """``notify`` in autocommit mode (a script, a shell) spends an opt-in too; on
    PostgreSQL the lock it takes needs a transaction of its own."""
    follower("o-yes", subscriptions={SUBSCRIBE_ID: "accept"})
    message = outbox.notify("o-yes", REMINDER.key, {"venue": "基地"}, key="r1")
    assert message.channel == Channel.SUBSCRIBE
