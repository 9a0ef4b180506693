"""The booker's pages: the booking forms of a slot, a booking with its QR code, calendar file,
cancellation and headcount change, and "my bookings". Every rule is the booking services';
these views turn their refusals into messages on the page."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from booking import ics_files, qr_codes, services, waitlist, windows
from booking.access import (
    booker_booking_or_404,
    booker_bookings,
    booking_or_404,
    is_booker,
    visible_waitlist,
)
from booking.errors import BookingError
from booking.models import Booking, Pool, Slot
from booking.public_calendar import slot_or_404, slot_view
from booking.quiz_scores import class_scores
from booking.visit_forms import (
    CancelForm,
    GroupBookingForm,
    GroupPartyForm,
    HeadcountForm,
    PublicBookingForm,
    PublicPartyForm,
)
from education.access import coordinated_schools

# Booking, joining the waiting list, cancelling and answering offers are all counted
# together, per account: a person doing it by hand never comes near this.
POST_RATE = "20/m"
limit_posts = ratelimit(
    group="booking.visit", key="user_or_ip", rate=POST_RATE, method="POST", block=False
)
RATE_MESSAGE = gettext_lazy("操作过于频繁，请一分钟后再试。")
PAST_SHOWN = 20
TITLES = {Pool.GROUP: gettext_lazy("学校团体预约"), Pool.PUBLIC: gettext_lazy("个人/家庭预约")}

Status = Booking.Status


def submit(request: HttpRequest, form: forms.Form, act: Callable) -> tuple[object, int]:
    """Run ``act(form)`` for a valid POST within the rate limit: its result and the status
    to answer with; a refusal goes on the form as its message (nothing was written)."""
    if request.method != "POST":
        return None, 200
    if request.limited:
        form.add_error(None, str(RATE_MESSAGE))
        return None, 429
    if not form.is_valid():
        return None, 200
    try:
        return act(form), 200
    except BookingError as refusal:
        form.add_error(None, refusal.message)
        return None, 409


def party_form(request: HttpRequest, slot: Slot, pool: str, *, keyed: bool) -> forms.Form | None:
    """The form of a party for ``pool``; None for a group when the user coordinates no
    school. ``keyed`` forms carry the submission key of a booking."""
    data = request.POST if request.method == "POST" else None
    if pool == Pool.GROUP:
        schools = coordinated_schools(request.user)
        if not schools.exists():
            return None
        form_class = GroupBookingForm if keyed else GroupPartyForm
        return form_class(schools, slot.venue, data)
    form_class = PublicBookingForm if keyed else PublicPartyForm
    return form_class(slot.venue, data)


def message_page(request: HttpRequest, status: int, **context) -> HttpResponse:
    """A page that says why something cannot be done: title, message, link_url/link_label."""
    return render(request, "booking/message.html", context, status=status)


def not_coordinator(request: HttpRequest) -> HttpResponse:
    return message_page(
        request,
        403,
        title=_("学校团体预约"),
        message=_(
            "学校团体须由经区禁毒办审核的学校联络员预约。请先申请成为学校联络员，"
            "审核通过后即可为学校预约。"
        ),
        link_url=reverse("my_roles"),
        link_label=_("申请成为学校联络员"),
    )


def party_page(
    request: HttpRequest, slot: Slot, form: forms.Form, status: int, *, title: str, **context
) -> HttpResponse:
    context = {
        "slot": slot,
        "view": slot_view(slot, timezone.now()),
        "form": form,
        "title": title,
        **context,
    }
    return render(request, "booking/party_form.html", context, status=status)


BOOKED = {
    False: gettext_lazy("预约成功，请保存预约码或二维码，参观当天凭它签到。"),
    True: gettext_lazy("预约已提交，名额已为您保留；审核结果会另行通知。"),
}


def party_submission(
    request: HttpRequest,
    slot: Slot,
    pool: str,
    *,
    keyed: bool,
    act: Callable,
    done: Callable[[object], HttpResponse],
    title: str,
    **context,
) -> HttpResponse:
    """The party form of ``slot``'s ``pool``: shown, or taken by ``act(form)`` whose result
    ``done`` answers; a refused or invalid form is shown again with its messages."""
    form = party_form(request, slot, pool, keyed=keyed)
    if form is None:
        return not_coordinator(request)
    result, status = submit(request, form, act)
    if result:
        return done(result)
    return party_page(request, slot, form, status, title=title, **context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts
def book(request: HttpRequest, slot_id: int, pool: str) -> HttpResponse:
    slot = slot_or_404(slot_id)
    return party_submission(
        request,
        slot,
        pool,
        keyed=True,
        act=lambda form: services.book_visit(
            slot, pool=pool, party=form.party(), by=request.user, key=form.submission_key
        ),
        done=lambda booking: _booked(request, booking),
        title=TITLES[pool],
    )


def _booked(request: HttpRequest, booking: Booking) -> HttpResponse:
    messages.success(request, BOOKED[booking.status == Booking.Status.PENDING])
    return redirect("booking:booking", booking.code)


# A booking


@login_required
@require_safe
def booking(request: HttpRequest, code: str) -> HttpResponse:
    booking = booking_or_404(request.user, code)
    return booking_page(request, booking, by_booker=is_booker(request.user, booking))


def booking_page(
    request: HttpRequest,
    booking: Booking,
    *,
    by_booker: bool = True,
    headcount_form: HeadcountForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The booking's page; only its booker (``by_booker``) gets the cancel and change forms,
    staff read it and act in the admin."""
    slot = booking.slot
    deadline = windows.cancel_deadline(slot)
    is_open = booking.status in services.OPEN_STATUSES
    changeable = by_booker and is_open and timezone.now() < deadline
    qr_title = _("预约码 %(code)s 的签到二维码") % {"code": booking.code}
    context = {
        "booking": booking,
        "slot": slot,
        "venue": slot.venue,
        "qr": qr_codes.inline_svg(qr_codes.checkin_url(request, booking), qr_title)
        if booking.status == Status.CONFIRMED
        else None,
        "has_calendar": is_open,
        "by_booker": by_booker,
        "admin_url": "" if by_booker else reverse("booking_bookings:inspect", args=[booking.pk]),
        "cancel_deadline": deadline,
        "changeable": changeable,
        "headcount_form": headcount_form or (HeadcountForm(booking) if changeable else None),
        "cancel_form": CancelForm() if changeable else None,
        "scores": class_scores(booking),
        "error": error,
    }
    return render(request, "booking/booking.html", context, status=status)


@login_required
@require_safe
def booking_qr(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    booking = booking_or_404(request.user, code)
    if booking.status != Status.CONFIRMED:
        raise Http404
    url = qr_codes.checkin_url(request, booking)
    if kind == "svg":
        response = HttpResponse(qr_codes.svg_file(url), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_codes.png_file(url), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="visit-{booking.code}.{kind}"'
    return response


@login_required
@require_safe
def booking_ics(request: HttpRequest, code: str) -> HttpResponse:
    booking = booking_or_404(request.user, code)
    if booking.status not in services.OPEN_STATUSES:
        raise Http404
    page_url = request.build_absolute_uri(reverse("booking:booking", args=[booking.code]))
    response = HttpResponse(
        ics_files.booking_calendar(booking, page_url, request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_files.filename(booking)}"'
    return response


@login_required
@require_POST
@limit_posts
def booking_cancel(request: HttpRequest, code: str) -> HttpResponse:
    booking = booker_booking_or_404(request.user, code)
    form = CancelForm(request.POST)
    cancelled, status = submit(
        request,
        form,
        lambda form: services.cancel_booking(
            booking, by=request.user, reason=form.cleaned_data["reason"]
        ),
    )
    if cancelled:
        messages.success(request, _("预约已取消。"))
        return redirect("booking:booking", booking.code)
    return booking_page(request, booking, error=_form_error(form), status=status)


@login_required
@require_POST
@limit_posts
def booking_change(request: HttpRequest, code: str) -> HttpResponse:
    booking = booker_booking_or_404(request.user, code)
    form = HeadcountForm(booking, request.POST)
    changed, status = submit(
        request,
        form,
        lambda form: services.change_headcount(booking, by=request.user, **form.counts()),
    )
    if changed:
        messages.success(request, _("人数已修改为 %(count)s 人。") % {"count": changed.headcount})
        return redirect("booking:booking", booking.code)
    return booking_page(request, booking, headcount_form=form, status=status)


def _form_error(form: forms.Form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


# My bookings


@login_required
@require_safe
def my_bookings(request: HttpRequest) -> HttpResponse:
    user, now = request.user, timezone.now()
    # Staff see only their own here too: every booking is in the admin.
    mine = booker_bookings(user).select_related("slot__venue", "school")
    entries = visible_waitlist(user).filter(status__in=waitlist.LIVE, slot__ends_at__gt=now)
    context = {
        "upcoming": mine.filter(slot__ends_at__gt=now).order_by("slot__starts_at", "pk"),
        "past": mine.filter(slot__ends_at__lte=now).order_by("-slot__starts_at", "-pk")[
            :PAST_SHOWN
        ],
        "entries": entries.select_related("slot__venue", "school").order_by("slot__starts_at"),
        "is_coordinator": coordinated_schools(user).exists(),
        "now": now,
    }
    return render(request, "booking/my_bookings.html", context)
