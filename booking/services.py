"""Booking a visit, and every later change to a booking. Nothing else writes a booking.

Each step runs in one transaction that first locks the slot's row (on SQLite the immediate
transaction holds the write lock), recounts the places from the bookings themselves, writes
the booking and queues its message: two requests for the last places are served one after
the other, and the second sees the first. An idempotency key per submission turns a double
click into one booking.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from booking import kinds, waitlist, windows
from booking.admission import check_room, create_booking
from booking.errors import BookingError
from booking.locked_rows import reread, sweep
from booking.models import Booking, Pool, Slot
from booking.notices import notify_booking
from booking.party_rules import (
    PartyDetails,
    check_booker,
    check_group_size,
    check_not_booked,
    check_party,
    check_public_size,
    lock_booker,
)
from booking.places import lock_slot, recount, refresh

__all__ = [
    "PartyDetails",
    "approve_booking",
    "book_visit",
    "cancel_booking",
    "change_headcount",
    "lapse_pending",
    "refuse_booking",
]

Status = Booking.Status
OPEN_STATUSES = (Status.PENDING, Status.CONFIRMED)
KEY_MAX = 64
REASON_MAX = 120


def book_visit(
    slot: Slot, *, pool: str, party: PartyDetails, by, key: str, now: datetime | None = None
) -> Booking:
    """Book ``party`` into ``slot``'s ``pool`` for ``by``; a repeated ``key`` returns the
    booking it made. Raises BookingError (nothing written) when any rule says no."""
    now = now or timezone.now()
    stored_key = _stored_key(by, key)
    existing = Booking.objects.filter(idempotency_key=stored_key).first()
    if existing:
        return existing
    check_party(slot.venue, pool, party, by)
    with transaction.atomic():
        lock_booker(pool, party.school, by)
        locked = lock_slot(slot.pk)
        existing = Booking.objects.filter(idempotency_key=stored_key).first()
        if existing:
            return existing
        _check_bookable(locked, now)
        check_booker(locked.venue, pool, party, by, now)
        check_not_booked(locked, pool, by, now)
        check_room(locked, pool, party.headcount, recount(locked, now))
        booking = create_booking(locked, pool, party, by, stored_key, now)
        refresh(locked, now)
        waitlist.leave_on_booking(locked, pool, by, now)
        notify_booking(booking, _first_kind(booking))
        log(booking, "booking.book", user=by, data={"headcount": booking.headcount})
    return booking


def _first_kind(booking: Booking) -> str:
    return kinds.RECEIVED if booking.status == Status.PENDING else kinds.CONFIRMED


def _stored_key(by, key: str) -> str:
    key = (key or "").strip()
    if not key or len(key) > KEY_MAX:
        raise BookingError(_("表单已失效，请刷新页面后重新提交。"))
    return f"{by.pk}:{key}"


def _check_bookable(slot: Slot, now: datetime) -> None:
    if not slot.venue.published:
        raise BookingError(_("该场馆暂不接受预约。"))
    state = windows.booking_state(slot, now)
    if slot.closed:
        raise BookingError(_("该场次已停开：%(note)s") % {"note": slot.note or _("请选择其他场次")})
    if slot.starts_at <= now:
        raise BookingError(_("该场次已经开始或结束，请选择其他场次。"))
    if state == windows.CLOSED:
        raise BookingError(
            _("该场次已于 %(time)s 截止预约。")
            % {"time": f"{timezone.localtime(windows.closes_at(slot)):%Y-%m-%d %H:%M}"}
        )
    if state == windows.NOT_YET:
        raise BookingError(
            _("该场次尚未开放预约，将于 %(time)s 开放。")
            % {"time": f"{timezone.localtime(windows.opens_at(slot)):%Y-%m-%d %H:%M}"}
        )


def cancel_booking(
    booking: Booking, *, by, reason: str = "", now: datetime | None = None, by_staff=False
) -> Booking:
    """Cancel an open booking; a booker may do so until the venue's cancellation deadline,
    staff (with a reason) until the slot ends. Freed places go to the waiting list."""
    now = now or timezone.now()
    reason = _reason(reason, required=by_staff, missing=_("请填写取消原因，它会通知给预约人。"))
    with transaction.atomic():
        slot = lock_slot(booking.slot_id)
        booking = reread(booking, slot)
        _check_open_status(booking, _("取消"))
        if not by_staff and now >= windows.cancel_deadline(slot):
            raise BookingError(
                _("已过取消截止时间（%(time)s），如需取消请致电基地：%(phone)s。")
                % {
                    "time": f"{timezone.localtime(windows.cancel_deadline(slot)):%Y-%m-%d %H:%M}",
                    "phone": slot.venue.phone,
                }
            )
        if by_staff and now >= slot.ends_at:
            raise BookingError(_("该场次已结束，不能再取消。"))
        booking.status = Status.CANCELLED
        booking.cancelled_at, booking.cancelled_by = now, by
        booking.cancel_reason = reason or _("预约人取消")
        booking.save(
            update_fields=[
                "status",
                "cancelled_at",
                "cancelled_by",
                "cancel_reason",
                "updated_at",
            ]
        )
        _after_release(booking, slot, now)
        notify_booking(booking, kinds.CANCELLED, reason=booking.cancel_reason)
        log(booking, "booking.cancel", user=by, data={"reason": booking.cancel_reason})
    return booking


def change_headcount(
    booking: Booking,
    *,
    by,
    students: int | None = None,
    teachers: int | None = None,
    visitors: int | None = None,
    now: datetime | None = None,
) -> Booking:
    """Change how many come, within the venue's limits and the places left; allowed until
    the cancellation deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = lock_slot(booking.slot_id)
        booking = reread(booking, slot)
        _check_open_status(booking, _("修改"))
        if now >= windows.cancel_deadline(slot):
            raise BookingError(
                _("已过修改截止时间，如需调整请致电基地：%(phone)s。") % {"phone": slot.venue.phone}
            )
        before = booking.headcount
        _apply_counts(booking, slot, students, teachers, visitors)
        growth = booking.headcount - before
        if growth > 0:
            check_room(slot, booking.pool, growth, recount(slot, now), new_party=False)
        booking.save(update_fields=["students", "teachers", "visitors", "headcount", "updated_at"])
        refresh(slot, now)
        if growth < 0:
            waitlist.offer_places(slot, now)
        log(booking, "booking.change", user=by, data={"from": before, "to": booking.headcount})
    return booking


def _apply_counts(booking: Booking, slot: Slot, students, teachers, visitors) -> None:
    if booking.pool == Pool.GROUP:
        booking.students = booking.students if students is None else students
        booking.teachers = booking.teachers if teachers is None else teachers
        check_group_size(slot.venue, booking.students, booking.teachers)
    else:
        booking.visitors = booking.visitors if visitors is None else visitors
        check_public_size(slot.venue, booking.visitors)
    booking.headcount = booking.students + booking.teachers + booking.visitors


def approve_booking(
    booking: Booking, *, by, guide: str = "", now: datetime | None = None
) -> Booking:
    """Confirm a group waiting for approval. After its review deadline its places were no
    longer held: it is confirmed only if they are still free."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = lock_slot(booking.slot_id)
        booking = reread(booking, slot)
        _check_pending(booking)
        if now >= slot.starts_at:
            raise BookingError(_("该场次已经开始或结束，不能再批准。"))
        if booking.hold_until and booking.hold_until <= now:
            check_room(slot, booking.pool, booking.headcount, recount(slot, now))
        booking.status = Status.CONFIRMED
        booking.decided_by, booking.decided_at = by, now
        booking.guide = guide.strip()[:40]
        booking.save(update_fields=["status", "decided_by", "decided_at", "guide", "updated_at"])
        refresh(slot, now)
        notify_booking(booking, kinds.CONFIRMED, suffix="approved")
        log(booking, "booking.approve", user=by, data={"guide": booking.guide})
    return booking


def refuse_booking(booking: Booking, *, by, reason: str, now: datetime | None = None) -> Booking:
    now = now or timezone.now()
    reason = _reason(reason, required=True, missing=_("请填写未通过的原因，它会通知给预约人。"))
    with transaction.atomic():
        slot = lock_slot(booking.slot_id)
        booking = reread(booking, slot)
        _check_pending(booking)
        booking.status = Status.REFUSED
        booking.decided_by, booking.decided_at = by, now
        booking.refusal_reason = reason
        booking.save(
            update_fields=["status", "decided_by", "decided_at", "refusal_reason", "updated_at"]
        )
        _after_release(booking, slot, now)
        notify_booking(booking, kinds.REFUSED, reason=booking.refusal_reason)
        log(booking, "booking.refuse", user=by, data={"reason": booking.refusal_reason})
    return booking


def lapse_pending(now: datetime | None = None) -> int:
    """Pending groups whose review deadline passed lose their places; returns how many."""
    now = now or timezone.now()
    due = Q(status=Status.PENDING, hold_until__lte=now)
    return sweep(Booking, due, lambda booking, slot: _lapse(booking, slot, now))


def _lapse(booking: Booking, slot: Slot, now: datetime) -> None:
    booking.status = Status.LAPSED
    booking.save(update_fields=["status", "updated_at"])
    _after_release(booking, slot, now)
    notify_booking(booking, kinds.REFUSED, reason=_("审核超时"))
    log(booking, "booking.lapse")


def _reason(reason: str, *, required: bool, missing: str) -> str:
    reason = reason.strip()
    if required and not reason:
        raise BookingError(missing)
    if len(reason) > REASON_MAX:
        raise BookingError(_("原因最多 %(max)s 字。") % {"max": REASON_MAX})
    return reason


def _check_pending(booking: Booking) -> None:
    if booking.status != Status.PENDING:
        raise BookingError(
            _("只能审核待审核的预约（当前：%(status)s）。")
            % {"status": booking.get_status_display()}
        )


def _check_open_status(booking: Booking, verb: str) -> None:
    if booking.status not in OPEN_STATUSES:
        raise BookingError(
            _("该预约当前为“%(status)s”，无法%(verb)s。")
            % {"status": booking.get_status_display(), "verb": verb}
        )


def _after_release(booking: Booking, slot: Slot, now: datetime) -> None:
    refresh(slot, now)
    waitlist.offer_places(slot, now)
