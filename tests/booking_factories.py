"""Builders for booking tests: venues, slots, staff personas and bookings made through the
booking service (nothing else writes a booking)."""

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from booking.models import Pool, Slot, Venue, WeeklyRule
from booking.services import PartyDetails, book_visit
from booking.waitlist import join_waitlist
from tests.factories import make_user
from tests.school_factories import Schools, build_schools

# A fixed clock for booking tests: Monday 2026-12-07 10:00 in Shanghai.
NOW = timezone.make_aware(datetime(2026, 12, 7, 10, 0))


def at(day_offset: int, hour: int = 9, minute: int = 0, *, base: datetime = NOW) -> datetime:
    """An aware datetime ``day_offset`` days after ``base``'s date, at hour:minute."""
    day = timezone.localdate(base) + timedelta(days=day_offset)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_venue(name: str = "市禁毒教育基地", slug: str = "city-base", **fields) -> Venue:
    defaults = {
        "address": "江州市东城区禁毒路 1 号",
        "opening_hours": "周二至周日 9:00–16:30，周一闭馆",
        "phone": "0571-12345678",
    }
    return Venue.objects.create(name=name, slug=slug, **{**defaults, **fields})


def add_rule(venue: Venue, weekday: int, start: time, end: time, **fields) -> WeeklyRule:
    return WeeklyRule.objects.create(venue=venue, weekday=weekday, start=start, end=end, **fields)


def make_slot(
    venue: Venue,
    starts_at: datetime | None = None,
    *,
    minutes: int = 90,
    group_capacity: int = 120,
    public_capacity: int = 30,
    max_groups: int = 3,
    **fields,
) -> Slot:
    """A slot two days after NOW at 09:00 unless told otherwise (inside the default window)."""
    starts_at = starts_at or at(2)
    return Slot.objects.create(
        venue=venue,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        group_capacity=group_capacity,
        public_capacity=public_capacity,
        max_groups=max_groups,
        **fields,
    )


def _user_with_permissions(email: str, group_name: str, *codenames: str, staff: bool = True):
    user = make_user(email, is_staff=staff)
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


def make_base_staff(email: str = "staff@example.cn"):
    """Door staff of the base: check groups in, see the day's bookings (and the admin)."""
    return _user_with_permissions(email, "基地工作人员", "access_admin", "check_in_booking")


def make_booking_manager(email: str = "manager@example.cn"):
    """City office staff who run bookings: venues, slots, approvals, lecturer requests."""
    codenames = [
        f"{verb}_{model}"
        for verb in ("add", "change", "delete", "view")
        for model in ("venue", "weeklyrule", "closure", "slot", "booking", "waitlistentry")
        + ("suspension", "lecturer", "lecturerrequest")
    ]
    return _user_with_permissions(
        email, "预约管理员", "access_admin", "check_in_booking", *codenames
    )


def group_party(school, *, students: int = 45, teachers: int = 3, **fields):
    defaults = {"contact_name": "张老师", "phone": "13800000001", "grade": 7}
    return PartyDetails(
        school=school, students=students, teachers=teachers, **{**defaults, **fields}
    )


def public_party(visitors: int = 3, **fields):
    defaults = {"contact_name": "李女士", "phone": "13900000002"}
    return PartyDetails(visitors=visitors, **{**defaults, **fields})


def book_group(slot: Slot, coordinator, school, *, now: datetime = NOW, **party):
    return _book(slot, Pool.GROUP, group_party(school, **party), coordinator, now)


def book_public(slot: Slot, user, *, visitors: int = 3, now: datetime = NOW, **party):
    return _book(slot, Pool.PUBLIC, public_party(visitors, **party), user, now)


def _book(slot: Slot, pool: str, party: PartyDetails, by, now: datetime):
    return book_visit(slot, pool=pool, party=party, by=by, key=uuid.uuid4().hex, now=now)


def wait_group(slot: Slot, coordinator, school, *, now: datetime = NOW, **party):
    """``school``'s group joins the waiting list of ``slot`` (through the service)."""
    party = group_party(school, **party)
    return join_waitlist(slot, pool=Pool.GROUP, party=party, by=coordinator, now=now)


def wait_public(slot: Slot, user, *, visitors: int = 3, now: datetime = NOW, **party):
    """``user``'s party joins the public waiting list of ``slot`` (through the service)."""
    party = public_party(visitors, **party)
    return join_waitlist(slot, pool=Pool.PUBLIC, party=party, by=user, now=now)


def pending_group(visits: "Visits", starts_at: datetime):
    """School A's group of 48 awaiting review in a new slot of 60 group places at
    ``starts_at``, the venue now requiring approval."""
    visits.venue.requires_approval = True
    visits.venue.save()
    schools = visits.schools
    slot = make_slot(visits.venue, starts_at, group_capacity=60)
    return book_group(slot, schools.coordinator_a, schools.school_a, students=45, teachers=3)


def line_behind_full_slot(visits: "Visits", *waiting: tuple[str, int]):
    """A slot three days on whose 5 public places the visitor booked, and the people of the
    ``(email, visitors)`` pairs in its waiting line in turn: the booking and their entries."""
    slot = make_slot(visits.venue, at(3), public_capacity=5)
    booking = book_public(slot, visits.visitor, visitors=5)
    line = [wait_public(slot, make_user(email), visitors=count) for email, count in waiting]
    return booking, line


@dataclass
class Visits:
    """The school personas of tests/school_factories.py plus a venue with a slot, door
    staff, a booking manager and a member of the public."""

    schools: Schools
    venue: Venue
    slot: Slot
    staff: object
    manager: object
    visitor: object


def build_visits(students_per_class: int = 2) -> Visits:
    venue = make_venue()
    return Visits(
        schools=build_schools(students_per_class),
        venue=venue,
        slot=make_slot(venue),
        staff=make_base_staff(),
        manager=make_booking_manager(),
        visitor=make_user("visitor@example.cn"),
    )
