"""Check-in at the door, on a staff phone: the day's expected bookings at a venue with a code
box and a camera scanner, and one booking's page where the arrived headcount is confirmed.
The rules live in ``booking.checkin``.

Anyone else who opens a check-in link (a booker scanning their own QR code) is sent to the
booking's own page when it is theirs, and gets a 404 otherwise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from booking.access import booking_or_404, is_base_staff, visible_bookings
from booking.checkin import check_in, check_in_refusal, expected_today
from booking.checkin_forms import ArrivalForm, CodeForm, VenueForm, code_from
from booking.errors import BookingError
from booking.models import Booking, Venue
from booking.windows import arrival_window

# A door sees a group every few minutes; more than this is a stuck button or a script.
CHECK_IN_RATE = "30/m"


@login_required
@require_safe
def checkin(request: HttpRequest) -> HttpResponse:
    if not is_base_staff(request.user):
        return _staff_only(request)
    code_form = CodeForm(request.GET if "code" in request.GET else None)
    if code_form.is_valid():
        return redirect("booking:checkin_booking", code_form.cleaned_data["code"])
    venues = list(Venue.objects.all())
    venue_form = VenueForm(request.GET if "venue" in request.GET else None, venues=venues)
    venue = venue_form.chosen()
    if not venue_form.is_bound:
        venue_form = VenueForm(initial={"venue": venue and venue.pk}, venues=venues)
    now = timezone.now()
    bookings = expected_today(visible_bookings(request.user), venue, now) if venue else []
    context = {
        "venue": venue,
        "venue_form": venue_form,
        "choose_venue": len(venues) > 1,
        "code_form": code_form,
        "bookings": bookings,
        "today": timezone.localdate(now),
        **_totals(bookings),
    }
    return render(request, "booking/checkin/today.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="user", rate=CHECK_IN_RATE, method="POST", block=False)
def checkin_booking(request: HttpRequest, code: str) -> HttpResponse:
    if not is_base_staff(request.user):
        return redirect("booking:booking", booking_or_404(request.user, code_from(code)).code)
    booking = _booking(request, code)
    if booking is None:
        context = {"code": code, "code_form": CodeForm()}
        return render(request, "booking/checkin/not_found.html", context, status=404)
    form = ArrivalForm(headcount=booking.headcount, initial={"arrived": booking.headcount})
    refusal = check_in_refusal(booking, timezone.now())
    status = 200
    if request.method == "POST":
        if request.limited:
            messages.error(request, _("操作过于频繁，请稍候一分钟再试。"))
            status = 429
        elif refusal:  # checked in from another phone meanwhile, say
            messages.error(request, refusal)
        else:
            form = ArrivalForm(request.POST, headcount=booking.headcount)
            if _check_in(request, booking, form):
                return redirect("booking:checkin_booking", booking.code)
    context = {
        "booking": booking,
        "form": form,
        "refusal": refusal,
        "arrival_window": arrival_window(booking.slot),
    }
    return render(request, "booking/checkin/booking.html", context, status=status)


def _staff_only(request: HttpRequest) -> HttpResponse:
    return render(request, "booking/checkin/staff_only.html", status=403)


def _booking(request: HttpRequest, code: str) -> Booking | None:
    code = code_from(code)
    if not code:
        return None
    return (
        visible_bookings(request.user)
        .select_related("slot__venue", "school", "school_class", "checked_in_by")
        .filter(code=code)
        .first()
    )


def _check_in(request: HttpRequest, booking: Booking, form: ArrivalForm) -> bool:
    if not form.is_valid():
        return False
    try:
        booking = check_in(booking, arrived=form.cleaned_data["arrived"], by=request.user)
    except BookingError as refusal:
        form.add_error("arrived", refusal.message)
        return False
    messages.success(
        request,
        _("签到成功：%(who)s，实到 %(arrived)s 人（预约 %(headcount)s 人）。")
        % {"who": booking.who, "arrived": booking.arrived, "headcount": booking.headcount},
    )
    if booking.partial_show:
        messages.warning(
            request,
            _("实到人数低于预约人数的 %(percent)s%%，已记为部分爽约。")
            % {"percent": booking.slot.venue.partial_show_percent},
        )
    return True


def _totals(bookings: list[Booking]) -> dict[str, int]:
    expected = [b for b in bookings if b.status != Booking.Status.PENDING]
    return {
        "expected_people": sum(b.headcount for b in expected),
        "arrived_people": sum(b.arrived or 0 for b in expected),
        "arrived_parties": sum(b.status == Booking.Status.ATTENDED for b in expected),
        "expected_parties": len(expected),
    }
