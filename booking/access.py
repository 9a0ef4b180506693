"""Who may see and act on which bookings and lecturer requests. Every booking view starts
here; anything outside the user's scope is a 404.

- a booker acts on their own public bookings; an approved coordinator on every booking of
  the schools they coordinate now (not other schools', nor, once the role is revoked, the
  school bookings they made): ``booker_bookings``, the same for waiting-list entries;
- base staff (``booking.check_in_booking``) and staff who may view bookings
  (``booking.view_booking``) see every booking, and act on them in the admin;
- booking managers (``booking.change_booking``) see and change every booking.
"""

import re

from django.db.models import Q, QuerySet
from django.http import Http404

from booking.models import Booking, LecturerRequest, Pool, WaitlistEntry
from booking.models.bookings import CODE_LENGTH
from education.access import User, coordinated_schools

CHECK_IN_PERMISSION = "booking.check_in_booking"
MANAGE_PERMISSION = "booking.change_booking"
VIEW_PERMISSION = "booking.view_booking"
LECTURER_PERMISSION = "booking.change_lecturerrequest"

# What a code or token in an address may look like: anything else (a NUL byte, say, which
# PostgreSQL refuses in a query) is a 404 before the database is asked.
CODE_FORMAT = re.compile(rf"[0-9A-Z]{{1,{CODE_LENGTH}}}")
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,40}")  # secrets.token_urlsafe, in 40 characters

BOOKING_RELATED = ("slot__venue", "school", "school_class", "user", "pre_quiz", "post_quiz")


def is_base_staff(user: User) -> bool:
    return user.is_authenticated and (
        user.has_perm(CHECK_IN_PERMISSION) or user.has_perm(MANAGE_PERMISSION)
    )


def is_booking_manager(user: User) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE_PERMISSION)


def booker_scope(user: User) -> Q:
    """The bookings and waiting-list entries ``user`` acts on as their booker: their own
    public ones and those of the schools they coordinate (a school's are never the person's
    who made them)."""
    return Q(user=user, pool=Pool.PUBLIC) | Q(school__in=coordinated_schools(user))


def booker_bookings(user: User) -> QuerySet[Booking]:
    if not user.is_authenticated:
        return Booking.objects.none()
    return Booking.objects.filter(booker_scope(user))


def visible_bookings(user: User) -> QuerySet[Booking]:
    if is_base_staff(user) or (user.is_authenticated and user.has_perm(VIEW_PERMISSION)):
        return Booking.objects.all()
    return booker_bookings(user)


def is_booker(user: User, booking: Booking) -> bool:
    return booker_bookings(user).filter(pk=booking.pk).exists()


def booking_or_404(user: User, code: str) -> Booking:
    """A booking the user may see, by its code (as typed: case and spaces do not matter)."""
    return _by_code(visible_bookings(user), code)


def booker_booking_or_404(user: User, code: str) -> Booking:
    """A booking the user may cancel or change as its booker, by its code."""
    return _by_code(booker_bookings(user), code)


def _by_code(bookings: QuerySet[Booking], code: str) -> Booking:
    code = code.strip().upper()
    if not CODE_FORMAT.fullmatch(code):
        raise Http404
    booking = bookings.select_related(*BOOKING_RELATED).filter(code=code).first()
    if booking is None:
        raise Http404
    return booking


def visible_waitlist(user: User) -> QuerySet[WaitlistEntry]:
    """The user's public waiting-list entries and their schools'."""
    if not user.is_authenticated:
        return WaitlistEntry.objects.none()
    return WaitlistEntry.objects.filter(booker_scope(user))


def waitlist_entry_or_404(user: User, token: str) -> WaitlistEntry:
    if not TOKEN_FORMAT.fullmatch(token):
        raise Http404
    related = ("slot__venue", "school", "booking")
    entry = visible_waitlist(user).select_related(*related).filter(token=token).first()
    if entry is None:
        raise Http404
    return entry


def visible_lecturer_requests(user: User) -> QuerySet[LecturerRequest]:
    """Managers see every request; a coordinator their schools'; a lecturer their talks."""
    if not user.is_authenticated:
        return LecturerRequest.objects.none()
    if user.has_perm(LECTURER_PERMISSION):
        return LecturerRequest.objects.all()
    return LecturerRequest.objects.filter(
        Q(school__in=coordinated_schools(user)) | Q(lecturer__user=user)
    )
