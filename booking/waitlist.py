"""The waiting list of a full slot. When places free up, the first waiting party that fits
gets an offer: the places are held for it until the offer expires, and it accepts or
declines through the link in its message. No offer goes out after the venue's cut-off."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from booking import kinds, windows
from booking.admission import check_room, create_booking
from booking.errors import BookingError
from booking.locked_rows import reread, sweep
from booking.models import Pool, Slot, WaitlistEntry
from booking.notices import notify_booking, notify_offer
from booking.party_rules import (
    PartyDetails,
    check_booker,
    check_not_booked,
    check_party,
    lock_booker,
)
from booking.places import Taken, lock_slot, recount, refresh

Status = WaitlistEntry.Status
LIVE = (Status.WAITING, Status.OFFERED)
PARTY_FIELDS = ("contact_name", "phone", "students", "teachers", "visitors", "grade", "notes")


def join_waitlist(
    slot: Slot, *, pool: str, party: PartyDetails, by, now: datetime | None = None
) -> WaitlistEntry:
    """Queue ``party`` for places in ``slot``'s full ``pool``."""
    now = now or timezone.now()
    check_party(slot.venue, pool, party, by)
    with transaction.atomic():
        locked = lock_slot(slot.pk)
        _check_joinable(locked, now)
        check_booker(locked.venue, pool, party, by, now)
        check_not_booked(locked, pool, by, now)
        if WaitlistEntry.objects.filter(slot=locked, user=by, pool=pool, status__in=LIVE).exists():
            raise BookingError(_("您已在该场次的候补名单中。"))
        if party.headcount > locked.capacity(pool):
            raise BookingError(
                _("该场次%(pool)s名额共 %(capacity)s 人，容纳不下 %(count)s 人。")
                % {
                    "pool": Pool(pool).label,
                    "capacity": locked.capacity(pool),
                    "count": party.headcount,
                }
            )
        if _fits(locked, pool, party.headcount, recount(locked, now)):
            raise BookingError(_("该场次还有足够名额，请直接预约。"))
        entry = WaitlistEntry(slot=locked, pool=pool, user=by, school=party.school, created_at=now)
        for field in PARTY_FIELDS:
            setattr(entry, field, getattr(party, field))
        if pool == Pool.PUBLIC:
            entry.school, entry.grade = None, None
        entry.save()
        log(entry, "booking.waitlist_join", user=by, data={"headcount": entry.headcount})
    return entry


def _check_joinable(slot: Slot, now: datetime) -> None:
    open_for_booking = windows.booking_state(slot, now) == windows.OPEN
    if not slot.venue.published or not open_for_booking or now >= windows.offer_cutoff(slot):
        raise BookingError(_("该场次当前不接受候补。"))


def _fits(slot: Slot, pool: str, headcount: int, taken: Taken) -> bool:
    try:
        check_room(slot, pool, headcount, taken)
    except BookingError:
        return False
    return True


def offer_places(slot: Slot, now: datetime) -> int:
    """Offer freed places to waiting parties in the order they joined, each to the first
    that fits; the caller holds the slot's lock. Returns the number of offers made."""
    if slot.closed or now >= windows.offer_cutoff(slot):
        return 0
    offers = 0
    taken = recount(slot, now)  # counted once, then kept as offers are made
    waiting = WaitlistEntry.objects.filter(slot=slot, status=Status.WAITING).select_related(
        "school", "user"
    )
    for entry in waiting.order_by("created_at", "id"):
        if not _fits(slot, entry.pool, entry.headcount, taken) or not _may_book(slot, entry, now):
            continue
        entry.status = Status.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = min(
            now + timedelta(hours=slot.venue.offer_hours), windows.offer_cutoff(slot)
        )
        entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
        entry.slot = slot
        notify_offer(entry)
        log(entry, "booking.waitlist_offer", data={"expires": entry.offer_expires_at.isoformat()})
        taken = taken.plus(entry.pool, entry.headcount)
        offers += 1
    if offers:
        refresh(slot, now)
    return offers


def _may_book(slot: Slot, entry: WaitlistEntry, now: datetime) -> bool:
    """An offer to a party that could not accept it (suspended since, no longer a
    coordinator, booked meanwhile) would only hold places nobody can take."""
    try:
        _check_booker_again(slot, entry, _party(entry), now)
    except BookingError:
        return False
    return True


def _party(entry: WaitlistEntry) -> PartyDetails:
    return PartyDetails(school=entry.school, **{f: getattr(entry, f) for f in PARTY_FIELDS})


def leave_on_booking(slot: Slot, pool: str, user, now: datetime) -> None:
    """A person who books the slot directly stops waiting for it; an offer they held is
    passed on. The caller holds the slot's lock."""
    live = WaitlistEntry.objects.filter(slot=slot, pool=pool, user=user, status__in=LIVE)
    for entry in live.select_related("school", "user"):
        entry.slot = slot
        _release(entry, slot, Status.WITHDRAWN, now)


def accept_offer(entry: WaitlistEntry, *, by, now: datetime | None = None):
    """Turn an open offer into a booking of the places it held, made for the party that
    waited. The booker's rules are checked again (a role, a suspension, the limits on open
    bookings may have changed since it joined); the offer stays open if they say no."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_booker(entry.pool, entry.school, entry.user)
        slot = lock_slot(entry.slot_id)
        entry = reread(entry, slot)
        _check_live_offer(entry, now)
        party = _party(entry)
        _check_booker_again(slot, entry, party, now)
        entry.status = Status.ACCEPTED
        entry.save(update_fields=["status"])
        key = f"waitlist:{entry.pk}"
        booking = create_booking(slot, entry.pool, party, entry.user, key, now)
        entry.booking = booking
        entry.save(update_fields=["booking"])
        refresh(slot, now)
        notify_booking(booking, kinds.CONFIRMED if booking.hold_until is None else kinds.RECEIVED)
        log(entry, "booking.waitlist_accept", user=by, data={"booking": booking.code})
    return booking


def _check_booker_again(slot: Slot, entry: WaitlistEntry, party: PartyDetails, now) -> None:
    if slot.closed:
        raise BookingError(_("该场次已停开：%(note)s") % {"note": slot.note or _("请选择其他场次")})
    check_party(slot.venue, entry.pool, party, entry.user)
    check_booker(slot.venue, entry.pool, party, entry.user, now)
    check_not_booked(slot, entry.pool, entry.user, now)


def decline_offer(entry: WaitlistEntry, *, by, now: datetime | None = None) -> WaitlistEntry:
    now = now or timezone.now()
    with transaction.atomic():
        slot = lock_slot(entry.slot_id)
        entry = reread(entry, slot)
        _check_live_offer(entry, now)
        _release(entry, slot, Status.DECLINED, now)
        log(entry, "booking.waitlist_decline", user=by)
    return entry


def withdraw(entry: WaitlistEntry, *, by, now: datetime | None = None) -> WaitlistEntry:
    """Leave the waiting list (an open offer is given up with it)."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = lock_slot(entry.slot_id)
        entry = reread(entry, slot)
        if entry.status not in LIVE:
            raise BookingError(
                _("该候补已结束（%(status)s）。") % {"status": entry.get_status_display()}
            )
        _release(entry, slot, Status.WITHDRAWN, now)
        log(entry, "booking.waitlist_decline", user=by, data={"withdrawn": True})
    return entry


def expire_offers(now: datetime | None = None) -> int:
    """Offers not taken up in time lapse; their places go to the next in line."""
    now = now or timezone.now()
    due = Q(status=Status.OFFERED, offer_expires_at__lte=now)
    return sweep(WaitlistEntry, due, lambda entry, slot: _release(entry, slot, Status.EXPIRED, now))


def end_waitlist(slot: Slot, now: datetime) -> int:
    """A closed slot serves nobody: its waiting and offered entries end, and the places the
    offers held are counted free. The caller holds the slot's lock."""
    ended = WaitlistEntry.objects.filter(slot=slot, status__in=LIVE).update(status=Status.EXPIRED)
    if ended:
        refresh(slot, now)
    return ended


def _release(entry: WaitlistEntry, slot: Slot, status: str, now: datetime) -> None:
    was_offered = entry.status == Status.OFFERED
    entry.status = status
    entry.save(update_fields=["status"])
    if was_offered:
        refresh(slot, now)
        offer_places(slot, now)


def _check_live_offer(entry: WaitlistEntry, now: datetime) -> None:
    if entry.status != Status.OFFERED:
        raise BookingError(
            _("该候补当前为“%(status)s”，没有待确认的名额。")
            % {"status": entry.get_status_display()}
        )
    if entry.offer_expires_at <= now:
        raise BookingError(_("候补名额的确认期限已过，名额已让给下一位。"))
