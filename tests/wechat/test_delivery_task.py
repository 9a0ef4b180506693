"""The delivery task: kicked on commit without flooding the queue, and rescheduled for the
next moment something becomes due (with the database queue, which can defer tasks)."""

import datetime
from io import StringIO

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.wechat.outbox_helpers import bound_user, queue
from wechat import tasks
from wechat.delivery import LEASE, claim
from wechat.models import Message

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_TASKS
    return DBTaskResult.objects


def _runs(results) -> list[datetime.datetime | None]:
    return [
        row.run_after if row.run_after.year < 9999 else None
        for row in results.filter(task_path__endswith="deliver_messages").order_by("run_after")
    ]


def _scheduled_within_a_second_of(moment: datetime.datetime, results) -> bool:
    second = datetime.timedelta(seconds=1)
    return any(run and moment <= run <= moment + second for run in _runs(results))


def test_kicks_are_deduplicated_but_never_lost(db_queue):
    before = timezone.now()
    for _ in range(5):
        tasks.kick()
    runs = _runs(db_queue)
    assert len(runs) == 2  # one now, one a second later for what came after it started
    assert None in runs
    later = next(run for run in runs if run)
    assert before + datetime.timedelta(seconds=1) <= later
    assert later <= timezone.now() + datetime.timedelta(seconds=2)


def test_a_broken_cache_still_kicks(db_queue, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": "127.0.0.1:9",
        }
    }
    tasks.kick()
    assert _runs(db_queue) == [None]


def test_notify_kicks_on_commit(db_queue, fake_wechat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue(bound_user(), "k1")
        assert _runs(db_queue) == []
    assert _runs(db_queue) == [None]


def test_run_schedules_the_next_retry(db_queue, fake_wechat):
    message = queue(bound_user(), "k1")
    fake_wechat.fail_next("/cgi-bin/message/template/send", -1)
    tasks.deliver_messages.call()
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert _scheduled_within_a_second_of(message.next_attempt_at, db_queue)


def test_run_schedules_a_follow_up_after_each_lease_window(db_queue, fake_wechat):
    """If the worker dies after claiming, a run is already queued for after the lease."""
    queue(bound_user(), "k1")
    before = timezone.now()
    tasks.deliver_messages.call()
    after = timezone.now()
    [after_lease] = _runs(db_queue)
    assert before + LEASE <= after_lease  # the claim's lease ran out by then
    assert after_lease <= after + LEASE + datetime.timedelta(seconds=tasks.LEASE_WINDOW)


def test_run_after_a_killed_worker_waits_for_the_lease(db_queue, fake_wechat):
    message = queue(bound_user(), "k1")
    lease, _ = claim(timezone.now(), 10)  # a worker that died
    tasks.deliver_messages.call()
    assert fake_wechat.template_sends == []
    assert _scheduled_within_a_second_of(lease, db_queue)
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING


def test_nothing_waiting_schedules_nothing(db_queue, fake_wechat):
    tasks.deliver_messages.call()
    assert _runs(db_queue) == []


def test_follow_ups_are_deduplicated(db_queue):
    # Half a minute off the lease windows' edges, so the two runs cannot fall on one second.
    when = timezone.now().replace(second=30) + datetime.timedelta(minutes=5)
    for _ in range(3):
        tasks.schedule_at(when)
        tasks.schedule_after_lease(when)
    assert len(_runs(db_queue)) == 2


def test_a_failed_run_schedules_another(db_queue, monkeypatch):
    """A run stopped by the database (SQLite locked, a restart) or a bug: the messages it
    was kicked for must not wait for the next event to kick again."""
    from django.db import OperationalError

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(tasks, "deliver_due", locked)
    before = timezone.now()
    with pytest.raises(OperationalError):
        tasks.deliver_messages.call()
    [again] = _runs(db_queue)
    assert before + tasks.RUN_AGAIN_AFTER_ERROR <= again
    assert again <= timezone.now() + tasks.RUN_AGAIN_AFTER_ERROR + datetime.timedelta(seconds=1)


def test_the_loop_command_outlives_a_failed_run(monkeypatch):
    from django.core.management import call_command
    from django.db import OperationalError

    from wechat.delivery import Counts
    from wechat.management.commands import deliver_messages

    runs = iter([OperationalError("server closed the connection"), Counts(sent=1)])

    def run(**kwargs):
        outcome = next(runs)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    class Stop(Exception):
        pass

    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise Stop

    monkeypatch.setattr(deliver_messages, "deliver_due", run)
    monkeypatch.setattr(deliver_messages.time, "sleep", nap)
    out = StringIO()
    with pytest.raises(Stop):
        call_command("deliver_messages", loop=True, sleep=0.5, stdout=out)
    assert "sent: 1" in out.getvalue()
    assert naps == [0.5, 0.5]
