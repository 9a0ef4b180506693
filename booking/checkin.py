"""Check-in at the door: staff record that a booked party arrived and how many came."""

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from booking.errors import BookingError
from booking.models import Booking, Venue
from booking.no_shows import apply_suspension, lock_booker
from booking.places import lock_slot
from booking.windows import arrival_window


def check_in(booking: Booking, *, arrived: int, by, now: datetime | None = None) -> Booking:
    """Mark ``booking`` attended with ``arrived`` persons; raises BookingError when it cannot
    be checked in (status, arrival window, headcount). An arrival below the venue's share of
    the booked headcount is a partial no-show and counts towards a suspension."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_booker(booking)
        lock_slot(booking.slot_id)
        booking = Booking.objects.select_related("slot__venue", "school", "user").get(pk=booking.pk)
        refusal = check_in_refusal(booking, now) or _headcount_refusal(booking, arrived)
        if refusal:
            raise BookingError(refusal)
        booking.status = Booking.Status.ATTENDED
        booking.arrived = arrived
        booking.checked_in_at = now
        booking.checked_in_by = by
        booking.partial_show = is_partial_show(booking, arrived)
        booking.save(
            update_fields=[
                "status",
                "arrived",
                "checked_in_at",
                "checked_in_by",
                "partial_show",
                "updated_at",
            ]
        )
        log(
            booking,
            "booking.check_in",
            user=by,
            data={
                "code": booking.code,
                "headcount": booking.headcount,
                "arrived": arrived,
                "partial_show": booking.partial_show,
            },
        )
        if booking.partial_show:
            apply_suspension(booking, now=now)
    return booking


def check_in_refusal(booking: Booking, now: datetime) -> str:
    """Why ``booking`` cannot be checked in at ``now`` (its status or the arrival window),
    or "" when it can."""
    if booking.status == Booking.Status.ATTENDED:
        return _("该预约已于 %(time)s 签到，实到 %(arrived)s 人。") % {
            "time": _clock(booking.checked_in_at, now),
            "arrived": booking.arrived,
        }
    if booking.status != Booking.Status.CONFIRMED:
        return _status_refusal(booking)
    start, end = arrival_window(booking.slot)
    if now < start:
        return _("还未到签到时间（%(time)s 起）。") % {"time": _clock(start, now)}
    if now >= end:
        return _("签到时间已过（%(time)s 截止）。") % {"time": _clock(end, now)}
    return ""


def is_partial_show(booking: Booking, arrived: int) -> bool:
    return arrived * 100 < booking.headcount * booking.slot.venue.partial_show_percent


def _status_refusal(booking: Booking) -> str:
    status = Booking.Status
    reasons = {
        status.PENDING: _("该预约尚未审核，不能签到。"),
        status.REFUSED: _("该预约未通过审核，不能签到。"),
        status.LAPSED: _("该预约审核超时，已失效，不能签到。"),
        status.CANCELLED: _("该预约已取消，不能签到。"),
        status.NO_SHOW: _("该预约已记为爽约，不能签到。"),
    }
    return reasons[booking.status]


def _headcount_refusal(booking: Booking, arrived: int) -> str:
    if arrived < 1:
        return _("实到人数至少为 1 人；无人到场时请不要签到，场次结束后将自动记为爽约。")
    if arrived > booking.headcount:
        return _(
            "实到人数不能超过预约人数（%(headcount)s 人）。超出的人员不在本预约内，"
            "请按现场接待另行安排。"
        ) % {"headcount": booking.headcount}
    return ""


def _clock(moment: datetime, now: datetime) -> str:
    """A time as staff read it at the door: the hour, with the date when not today."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate(now):
        return f"{local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


DOOR_STATUSES = (
    Booking.Status.PENDING,
    Booking.Status.CONFIRMED,
    Booking.Status.ATTENDED,
    Booking.Status.NO_SHOW,
)


def expected_today(bookings: QuerySet[Booking], venue: Venue, now: datetime) -> list[Booking]:
    """The day's bookings at ``venue`` among ``bookings`` that staff expect at the door or
    have seen (or missed) there, in the order of their slots."""
    return list(
        bookings.filter(
            slot__venue=venue, slot__day=timezone.localdate(now), status__in=DOOR_STATUSES
        )
        .select_related("slot", "school")
        .order_by("slot__starts_at", "pool", "code")
    )
