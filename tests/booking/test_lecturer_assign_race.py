"""Two staff assigning the same lecturer to two schools at the same time take turns on the
lecturer's row lock: the second sees the first talk and is refused by name.

PostgreSQL only: it needs row locks across two connections.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from booking.errors import BookingError
from booking.models import LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, schedule
from tests.booking_factories import at

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _someone_waits_on_us() -> bool:
    with connection.cursor() as cursor:
        # Activity statistics are read once per transaction unless the snapshot is cleared.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        return cursor.fetchone()[0] > 0


def test_two_assignments_of_one_lecturer_at_once(visits):
    lecturer = make_lecturer()
    schools = visits.schools
    first = ask(visits)
    second = ask(visits, school=schools.school_b, by=schools.coordinator_b)
    outcome: dict = {}

    def assign_the_second() -> None:
        try:
            schedule(visits, second, lecturer, at(3, 14, 30))
            outcome["result"] = "assigned"
        except BookingError as refusal:
            outcome["result"] = refusal.message
        except BaseException as exc:  # reported by the test thread
            outcome["result"] = exc
        finally:
            connection.close()

    other = threading.Thread(target=assign_the_second)
    with transaction.atomic():
        schedule(visits, first, lecturer, at(3, 14))
        other.start()
        deadline = time.monotonic() + 30
        while other.is_alive() and not _someone_waits_on_us():
            assert time.monotonic() < deadline, "the second assignment never waited"
            time.sleep(0.01)
        assert other.is_alive(), outcome
    other.join(timeout=30)

    assert "讲师王警官在12月10日 14:00–14:45已安排到东城实验中学" in outcome["result"]
    second.refresh_from_db()
    assert second.status == LecturerRequest.Status.REQUESTED
    assert LecturerRequest.objects.filter(status=LecturerRequest.Status.SCHEDULED).count() == 1
