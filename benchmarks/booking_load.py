"""The database side of ``benchmarks/booking_race.py``: a venue with slots open for booking,
visitors signed in through sessions of their own, the audit of what the race left in the
database, and the removal of it all. Every name starts with PREFIX, so a run interrupted
half-way is cleared by the next."""

import random
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import ModelLogEntry

from booking.models import Booking, Pool, Slot, Venue, holding
from booking.places import recount
from wechat.models import Message

PREFIX = "bench-race-"
STARTS = (time(9, 0), time(10, 30), time(14, 0))
BACKEND = "django.contrib.auth.backends.ModelBackend"
MIN_PARTY, MAX_PARTY = 2, 5


@dataclass
class Client:
    """One visitor as the HTTP client holds them: a session, the slot they race for, the
    party they book, and (after the form was fetched) the form's key and CSRF token."""

    session: str
    slot_id: int
    visitors: int
    address: str  # sent as X-Real-IP, as nginx would: each visitor is a device of its own
    token: str  # the single-INSERT view's address
    body: str = ""
    csrf_cookie: str = ""


def build(users: int, slots: int, capacity: int) -> tuple[Venue, list[Client]]:
    """A published venue with ``slots`` slots of ``capacity`` public places, open for
    booking now, and ``users`` signed-in visitors, each racing for a slot drawn at random
    with a party of 2–5."""
    clear()
    venue = Venue.objects.create(
        name=f"{PREFIX}基地",
        slug=f"{PREFIX}venue",
        address="江州市东城区禁毒路 1 号",
        opening_hours="周二至周日 9:00–16:30",
        phone="0571-12345678",
        public_capacity=capacity,
        max_party_size=MAX_PARTY,
    )
    opened = [_slot(venue, number, capacity) for number in range(slots)]
    people = visitors(users)
    chooser = random.Random(626)
    clients = []
    for number, user in enumerate(people):
        clients.append(
            Client(
                session=signed_in_session(user),
                slot_id=chooser.choice(opened).pk,
                visitors=chooser.randint(MIN_PARTY, MAX_PARTY),
                address=f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}",
                token=str(uuid.uuid4()),
            )
        )
    return venue, clients


def _slot(venue: Venue, number: int, capacity: int) -> Slot:
    """Slots from the day after tomorrow on, three a day: inside the booking window."""
    day = timezone.localdate() + timedelta(days=2 + number // len(STARTS))
    starts_at = timezone.make_aware(datetime.combine(day, STARTS[number % len(STARTS)]))
    return Slot.objects.create(
        venue=venue,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=90),
        group_capacity=venue.group_capacity,
        public_capacity=capacity,
        max_groups=venue.max_groups,
    )


def signed_in_session(user) -> str:
    """The key of a new session in which ``user`` is signed in, as after the login page."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: BACKEND,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    session.create()
    return session.session_key


def visitors(count: int, prefix: str = PREFIX) -> list:
    """``count`` new visitor accounts named after ``prefix``, without a usable password."""
    user_model = get_user_model()
    created = user_model.objects.bulk_create(
        user_model(
            username=f"{prefix}{number}",
            email=f"{prefix}{number}@example.cn",
            first_name="压测访客",
            password="!" + secrets.token_hex(8),  # never signs in with a password
        )
        for number in range(count)
    )
    return list(user_model.objects.filter(pk__in=[user.pk for user in created]).order_by("pk"))


def audit(venue: Venue, booked_by_http: int) -> dict:
    """What the database holds after the race: the oversold places (booked persons above a
    slot's capacity, summed over slots and pools: must be 0), the slots whose display
    counters differ from a recount, and whether every booking answered over HTTP has its
    row and its message."""
    now = timezone.now()
    slots = list(Slot.objects.filter(venue=venue).select_related("venue"))
    held = (
        Booking.objects.filter(slot__venue=venue)
        .filter(holding(now))
        .values("slot", "pool")
        .annotate(persons=Sum("headcount"))
        .order_by()
    )
    persons = {(row["slot"], row["pool"]): row["persons"] for row in held}
    by_pk = {slot.pk: slot for slot in slots}
    oversold = sum(
        max(0, count - by_pk[slot_pk].capacity(pool)) for (slot_pk, pool), count in persons.items()
    )
    differing = sum(counters_off(slot, now) for slot in slots)
    bookings = Booking.objects.filter(slot__venue=venue)
    keys = [f"booking:{pk}:booking.confirmed" for pk in bookings.values_list("pk", flat=True)]
    return {
        "oversold_places": oversold,
        "slots_with_counters_off": differing,
        "bookings_in_database": bookings.count(),
        "bookings_answered": booked_by_http,
        "messages_queued": Message.objects.filter(idempotency_key__in=keys).count(),
        "places_booked": sum(persons.values()),
        "places_offered": sum(slot.capacity(Pool.PUBLIC) for slot in slots),
        "slots_full": sum(slot.places_left(Pool.PUBLIC) < MIN_PARTY for slot in slots),
    }


def counters_off(slot: Slot, now: datetime) -> bool:
    taken = recount(slot, now)
    return (slot.group_taken, slot.public_taken, slot.groups_taken) != (
        taken.group,
        taken.public,
        taken.groups,
    )


def clear() -> None:
    """Remove what earlier runs made: bookings with their messages and log entries, slots,
    the venue and the visitors (their sessions are forgotten at the end of each run)."""
    users = get_user_model().objects.filter(username__startswith=PREFIX)
    bookings = Booking.objects.filter(slot__venue__slug__startswith=PREFIX)
    ModelLogEntry.objects.filter(
        object_id__in=[str(pk) for pk in bookings.values_list("pk", flat=True)],
        action__startswith="booking.",
    ).delete()
    Message.objects.filter(user__in=users).delete()
    bookings.delete()
    Venue.objects.filter(slug__startswith=PREFIX).delete()
    users.delete()
