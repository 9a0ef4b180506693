"""Admitting a party into a slot: whether its persons fit, and the booking row itself. The
callers (booking services, the waiting list) hold the slot's lock."""

from django.utils.translation import gettext as _

from booking import windows
from booking.errors import BookingError
from booking.models import Booking, Pool, Slot
from booking.party_rules import PartyDetails
from booking.places import Taken

Status = Booking.Status


def check_room(slot: Slot, pool: str, headcount: int, taken: Taken, *, new_party=True) -> None:
    """Raise BookingError unless ``headcount`` more persons fit into ``pool``."""
    if pool == Pool.GROUP and new_party and taken.groups >= slot.max_groups:
        raise BookingError(
            _("该场次团体已满（每场最多 %(max)s 个团体），可加入候补或选择其他场次。")
            % {"max": slot.max_groups}
        )
    left = slot.capacity(pool) - taken.persons(pool)
    if headcount > left:
        raise BookingError(
            _(
                "该场次%(pool)s名额只剩 %(left)s 人，您预约了 %(count)s 人。"
                "可减少人数、选择其他场次或加入候补。"
            )
            % {"pool": Pool(pool).label, "left": max(left, 0), "count": headcount}
        )


def create_booking(slot: Slot, pool: str, party: PartyDetails, by, key: str, now) -> Booking:
    """Write a booking whose places the caller checked under the slot's lock."""
    pending = pool == Pool.GROUP and slot.venue.requires_approval
    booking = Booking(
        slot=slot,
        pool=pool,
        created_at=now,
        user=by,
        status=Status.PENDING if pending else Status.CONFIRMED,
        hold_until=windows.review_deadline(slot, now) if pending else None,
        idempotency_key=key,
        school=party.school if pool == Pool.GROUP else None,
        school_class=party.school_class if pool == Pool.GROUP else None,
        grade=party.grade if pool == Pool.GROUP else None,
        contact_name=party.contact_name.strip(),
        phone=party.phone.strip(),
        students=party.students,
        teachers=party.teachers,
        visitors=party.visitors,
        notes=party.notes.strip(),
        pre_quiz=party.pre_quiz,
        post_quiz=party.post_quiz,
    )
    booking.save()
    return booking
