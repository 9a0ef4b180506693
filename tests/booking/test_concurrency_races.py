"""Two hundred requests released at once for the last places of a slot: never more persons
than its capacity, exactly the successful requests have a booking and its message, every
refused request is told in Chinese that the places ran out, the slot's display counters
agree with a recount, and one submission sent twenty times at once is one booking.

On PostgreSQL the requests wait on the slot's row lock. On SQLite they queue on the
database's write lock, as the site runs it: a file in WAL mode with IMMEDIATE transactions
(the in-memory test database, shared between threads, would answer "table is locked").
At most CONNECTIONS requests hold a database connection at once, as a server's workers do.
"""

import random
import re
import sqlite3
import threading
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from booking.errors import BookingError
from booking.models import Booking, Pool, Slot
from booking.places import recount
from booking.services import book_visit
from education.models import Coordinator, District, School
from tests.booking_factories import (
    NOW,
    book_group,
    book_public,
    group_party,
    make_slot,
    make_venue,
    public_party,
)
from tests.school_factories import make_district
from tests.wechat.concurrent_calls import at_once
from wechat.models import Message
from wechat.outbox import stored_key

THREADS = 200
CONNECTIONS = 32
LEFT = re.compile(r"名额只剩 (\d+) 人，您预约了 (\d+) 人")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """On SQLite, a copy of the test database in a WAL file for the test's threads; the
    in-memory one is kept open meanwhile (closing its last connection would drop it)."""
    if connection.vendor != "sqlite":
        yield
        return
    memory = connection.settings_dict["NAME"]
    connection.ensure_connection()
    keeper = sqlite3.connect(memory, uri=True)
    copy = sqlite3.connect(tmp_path / "race.sqlite3")
    connection.connection.backup(copy)
    copy.close()
    connection.settings_dict["NAME"] = str(tmp_path / "race.sqlite3")
    connection.close()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory
        connection.ensure_connection()
        keeper.close()


def race(attempts: list) -> list:
    """Run each attempt (a callable) in its own thread, all released together; what each
    returned or the exception it raised, in order."""
    connections = threading.BoundedSemaphore(CONNECTIONS)

    def run(attempt):
        with connections:
            try:
                return attempt()
            except Exception as error:  # judged by the test
                return error
            finally:
                connection.close()  # before the next request may open one

    return at_once(run, [(attempt,) for attempt in attempts])


def attempt(slot: Slot, pool: str, party, user):
    return lambda: book_visit(slot, pool=pool, party=party, by=user, key=uuid.uuid4().hex, now=NOW)


def people(prefix: str, count: int) -> list:
    """``count`` accounts, made in one query (they never sign in here)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"{prefix}{n}", email=f"{prefix}{n}@example.cn", password="!")
        for n in range(count)
    )
    return list(get_user_model().objects.filter(pk__in=[user.pk for user in users]))


def schools_with_coordinators(prefix: str, count: int) -> list[tuple[School, object]]:
    """``count`` schools, each with an approved coordinator of its own."""
    district = District.objects.first() or make_district()
    schools = School.objects.bulk_create(
        School(name=f"{prefix}第{n}中学", district=district, level=School.Level.JUNIOR)
        for n in range(count)
    )
    coordinators = people(prefix, count)
    Coordinator.objects.bulk_create(
        Coordinator(user=user, school=school, status=Coordinator.Status.APPROVED)
        for school, user in zip(schools, coordinators, strict=True)
    )
    return list(zip(schools, coordinators, strict=True))


def assert_outbox_matches_bookings(slot: Slot, outcomes: list) -> None:
    """The successes are exactly the new bookings, each with its one confirmation."""
    booked = [outcome for outcome in outcomes if isinstance(outcome, Booking)]
    new = Booking.objects.filter(slot=slot, pk__in=[booking.pk for booking in booked])
    assert new.count() == len(booked) == len({booking.pk for booking in booked})
    every = Booking.objects.filter(slot=slot)
    expected = {
        stored_key(f"booking:{pk}:booking.confirmed") for pk in every.values_list("pk", flat=True)
    }
    keys = set(
        Message.objects.filter(idempotency_key__startswith="booking:").values_list(
            "idempotency_key", flat=True
        )
    )
    assert keys == expected


def assert_counters_match_recount(slot: Slot) -> None:
    slot.refresh_from_db()
    taken = recount(slot, NOW)
    assert (slot.group_taken, slot.public_taken, slot.groups_taken) == (
        taken.group,
        taken.public,
        taken.groups,
    )


def test_two_hundred_schools_for_the_last_48_group_places(shared_database):
    venue = make_venue()
    slot = make_slot(venue, group_capacity=100, max_groups=THREADS + 4)
    earlier = schools_with_coordinators("early", 4)
    for school, coordinator in earlier:
        book_group(slot, coordinator, school, students=12, teachers=1)
    racing = schools_with_coordinators("racing", THREADS)

    outcomes = race(
        [
            attempt(slot, Pool.GROUP, group_party(school, students=11, teachers=1), user)
            for school, user in racing
        ]
    )

    successes = [outcome for outcome in outcomes if isinstance(outcome, Booking)]
    refusals = [outcome for outcome in outcomes if isinstance(outcome, BookingError)]
    assert (len(successes), len(refusals)) == (4, THREADS - 4)
    assert all(LEFT.search(error.message).groups() == ("0", "12") for error in refusals)
    assert recount(slot, NOW).group == 100
    assert_outbox_matches_bookings(slot, outcomes)
    assert_counters_match_recount(slot)
    assert slot.groups_taken == 8


def test_two_hundred_visitors_for_the_last_25_public_places(shared_database):
    venue = make_venue(max_party_size=5)
    slot = make_slot(venue, public_capacity=40)
    for user, size in zip(people("earlier", 4), (4, 4, 4, 3), strict=True):
        book_public(slot, user, visitors=size)
    sizes = random.Random(626).choices(range(2, 6), k=THREADS)
    visitors = people("visitor", THREADS)

    outcomes = race(
        [
            attempt(slot, Pool.PUBLIC, public_party(size), user)
            for size, user in zip(sizes, visitors, strict=True)
        ]
    )

    booked = recount(slot, NOW).public
    assert booked <= 40
    left = 40 - booked
    refusals = [
        (size, o) for size, o in zip(sizes, outcomes, strict=True) if isinstance(o, BookingError)
    ]
    assert refusals
    for size, error in refusals:
        said_left, asked = map(int, LEFT.search(error.message).groups())
        # Places only ever ran out: each refusal was right when made and is still right.
        assert asked == size > said_left >= left
    successes = [o for o in outcomes if isinstance(o, Booking)]
    assert len(successes) + len(refusals) == THREADS
    assert sum(booking.visitors for booking in successes) == booked - 15
    assert_outbox_matches_bookings(slot, outcomes)
    assert_counters_match_recount(slot)


def test_one_submission_sent_twenty_times_at_once_is_one_booking(shared_database):
    venue = make_venue()
    slot = make_slot(venue)
    [(school, coordinator)] = schools_with_coordinators("twice", 1)
    key = uuid.uuid4().hex
    party = group_party(school)

    outcomes = race(
        [lambda: book_visit(slot, pool=Pool.GROUP, party=party, by=coordinator, key=key, now=NOW)]
        * 20
    )

    booking = Booking.objects.get()
    assert [outcome.pk for outcome in outcomes] == [booking.pk] * 20
    assert booking.headcount == 48
    assert list(Message.objects.values_list("idempotency_key", flat=True)) == [
        stored_key(f"booking:{booking.pk}:booking.confirmed")
    ]
    assert_counters_match_recount(slot)
    assert slot.group_taken == 48
