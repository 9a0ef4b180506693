"""No-shows and suspensions, as museums run them: a confirmed booking nobody checked in by
the end of its arrival window is a no-show; a booker (the school for a group, the person
for the public) with too many no-shows (partial ones included) within a period may not book
for a while. Staff can lift a suspension early."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from booking import notices
from booking.errors import BookingError
from booking.models import Booking, Pool, Suspension
from booking.party_rules import active_suspension
from booking.party_rules import lock_booker as lock_party_booker
from booking.places import lock_slot, refresh
from booking.windows import arrival_window
from education.models import Coordinator, School


def mark_no_shows(now: datetime | None = None) -> int:
    """Turn confirmed bookings whose arrival window has ended into no-shows, then suspend the
    bookers who reached their limit; returns how many bookings were marked."""
    now = now or timezone.now()
    marked = [booking for booking in _overdue(now) if _mark(booking, now)]
    for booking in _newest_per_booker(marked):
        with transaction.atomic():
            apply_suspension(booking, now=now)
    return len(marked)


def apply_suspension(booking: Booking, *, now: datetime) -> Suspension | None:
    """Suspend ``booking``'s booker when their no-shows reach the limit of the booking's
    venue within its period, unless a suspension is already running. Call it inside the
    transaction that recorded the no-show."""
    lock_booker(booking)
    school, user = _booker(booking)
    if active_suspension(school=school, user=user, now=now):
        return None
    venue = booking.slot.venue
    count = _no_shows(school, user, since=_counting_from(school, user, venue, now), now=now)
    if count < venue.no_show_limit:
        return None
    return suspend(
        school=school,
        user=user,
        ends_at=now + timedelta(days=venue.suspension_days),
        reason=_("%(days)s天内爽约%(count)s次")
        % {"days": venue.no_show_period_days, "count": count},
        now=now,
        data={"no_shows": count, "booking": booking.code},
    )


def suspend(
    *,
    school: School | None = None,
    user=None,
    ends_at: datetime,
    reason: str,
    now: datetime,
    by=None,
    data: dict | None = None,
) -> Suspension:
    """Suspend a school (group bookings) or a person (public bookings) from ``now`` until
    ``ends_at``, by the no-show rule or by staff (``by``); logs it and tells the booker.
    Call it inside a transaction."""
    suspension = Suspension.objects.create(
        school=school, user=user, starts_at=now, ends_at=ends_at, reason=reason, created_by=by
    )
    log(
        suspension,
        "booking.suspend",
        user=by,
        data={**(data or {}), "ends_at": ends_at.isoformat()},
    )
    notices.notify_suspension(suspension, _recipients(school, user))
    return suspension


def lift_suspension(suspension: Suspension, *, by, now: datetime | None = None) -> Suspension:
    """End ``suspension`` now, by staff decision; raises BookingError if it is already over."""
    now = now or timezone.now()
    with transaction.atomic():
        suspension = Suspension.objects.select_for_update().get(pk=suspension.pk)
        if suspension.lifted_at:
            raise BookingError(
                _("该暂停已于 %(time)s 解除。") % {"time": _moment(suspension.lifted_at)}
            )
        if suspension.ends_at <= now:
            raise BookingError(
                _("该暂停已于 %(time)s 到期，无需解除。") % {"time": _moment(suspension.ends_at)}
            )
        suspension.lifted_at = now
        suspension.lifted_by = by
        suspension.save(update_fields=["lifted_at", "lifted_by"])
        log(suspension, "booking.lift", user=by)
    return suspension


def _overdue(now: datetime) -> list[Booking]:
    started = Booking.objects.filter(
        status=Booking.Status.CONFIRMED, slot__starts_at__lte=now
    ).select_related("slot__venue", "school", "user")
    return [booking for booking in started if arrival_window(booking.slot)[1] <= now]


def _mark(booking: Booking, now: datetime) -> bool:
    with transaction.atomic():
        slot = lock_slot(booking.slot_id)
        # A check-in may have come in since the list was read; the slot lock orders the two.
        if not Booking.objects.filter(pk=booking.pk, status=Booking.Status.CONFIRMED).exists():
            return False
        booking.status = Booking.Status.NO_SHOW
        booking.save(update_fields=["status", "updated_at"])
        log(booking, "booking.no_show", data={"code": booking.code})
        refresh(slot, now)
    return True


def _newest_per_booker(bookings: list[Booking]) -> list[Booking]:
    newest: dict[tuple, Booking] = {}
    for booking in sorted(bookings, key=lambda b: b.slot.starts_at):
        school, user = _booker(booking)
        newest[(school and school.pk, user and user.pk)] = booking
    return list(newest.values())


def _booker(booking: Booking) -> tuple[School | None, object | None]:
    return (booking.school, None) if booking.is_group else (None, booking.user)


def lock_booker(booking: Booking) -> None:
    """Lock the booker's row (the school, or the person) until the transaction ends, so that
    one booker's suspension is decided once. Like the booking services, take it before the
    slot's lock, so that locks never cross."""
    lock_party_booker(booking.pool, booking.school, booking.user)


def _booker_bookings(school: School | None, user) -> QuerySet[Booking]:
    if school is not None:
        return Booking.objects.filter(pool=Pool.GROUP, school=school)
    return Booking.objects.filter(pool=Pool.PUBLIC, user=user)


def _counting_from(school: School | None, user, venue, now: datetime) -> datetime:
    """No-shows count within the venue's period, and only those after the booker's last
    suspension: one suspension answers for the no-shows that caused it."""
    since = now - timedelta(days=venue.no_show_period_days)
    booker = {"school": school} if school is not None else {"user": user}
    last = Suspension.objects.filter(**booker).aggregate(last=Max("starts_at"))["last"]
    return max(since, last) if last else since


def _no_shows(school: School | None, user, *, since: datetime, now: datetime) -> int:
    return (
        _booker_bookings(school, user)
        .filter(Q(status=Booking.Status.NO_SHOW) | Q(partial_show=True))
        .filter(slot__starts_at__gt=since, slot__starts_at__lte=now)
        .count()
    )


def _recipients(school: School | None, user) -> list:
    if school is None:
        return [user]
    return list(
        get_user_model().objects.filter(
            coordinator_roles__school=school,
            coordinator_roles__status=Coordinator.Status.APPROVED,
        )
    )


def _moment(value: datetime) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
