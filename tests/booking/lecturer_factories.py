"""Builders for the 送教进校园 tests: a lecturer, and requests made and scheduled through the
service (nothing else writes a lecturer request)."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from booking import lecturer_requests
from booking.models import Lecturer, LecturerRequest
from tests.booking_factories import NOW, Visits, at
from tests.factories import make_user


def make_lecturer(name: str = "王警官", email: str = "lecturer@example.cn", **fields) -> Lecturer:
    fields.setdefault("organisation", "市公安局禁毒支队")
    fields.setdefault("phone", "13700000003")
    return Lecturer.objects.create(name=name, user=make_user(email), **fields)


def ask(
    visits: Visits,
    *,
    school=None,
    by=None,
    now: datetime = NOW,
    **fields,
) -> LecturerRequest:
    """A request of school A by its coordinator (unless told otherwise), first choice three
    days after ``now``."""
    fields.setdefault("topic", "远离新型毒品")
    fields.setdefault("audience", "七年级全体学生")
    fields.setdefault("audience_size", 300)
    fields.setdefault("first_choice", timezone.localdate(now) + timedelta(days=3))
    fields.setdefault("contact_phone", "13800000001")
    return lecturer_requests.request_talk(
        school=school or visits.schools.school_a,
        by=by or visits.schools.coordinator_a,
        now=now,
        **fields,
    )


def schedule(
    visits: Visits,
    talk: LecturerRequest,
    lecturer: Lecturer,
    starts_at: datetime | None = None,
    *,
    minutes: int = 45,
    now: datetime = NOW,
) -> LecturerRequest:
    """``talk`` assigned by the booking manager, at 14:00 three days after NOW by default."""
    return lecturer_requests.assign_lecturer(
        talk,
        lecturer=lecturer,
        starts_at=starts_at or at(3, 14),
        duration_minutes=minutes,
        place="学校礼堂",
        by=visits.manager,
        now=now,
    )


def talk_at(visits: Visits, starts_at: datetime, lecturer: Lecturer | None = None):
    """A request of school A scheduled for ``starts_at`` (a real time, past or future), as
    arranged two days before."""
    now = starts_at - timedelta(days=2)
    return schedule(visits, ask(visits, now=now), lecturer or make_lecturer(), starts_at, now=now)


def day_after(now: datetime, days: int) -> date:
    return timezone.localdate(now) + timedelta(days=days)
