"""The waiting list of a full slot: joining it, answering an offer of places, withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from booking import waitlist
from booking.access import waitlist_entry_or_404
from booking.booking_views import (
    RATE_MESSAGE,
    limit_posts,
    message_page,
    party_submission,
)
from booking.errors import BookingError
from booking.models import Pool, WaitlistEntry
from booking.public_calendar import pool_or_404, slot_or_404
from booking.step_messages import take_step

Status = WaitlistEntry.Status
TITLES = {
    Pool.GROUP: gettext_lazy("加入候补（学校团体）"),
    Pool.PUBLIC: gettext_lazy("加入候补（个人/家庭）"),
}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts
def join_waitlist(request: HttpRequest, slot_id: int, pool: str) -> HttpResponse:
    slot, pool = slot_or_404(slot_id), pool_or_404(pool)
    return party_submission(
        request,
        slot,
        pool,
        keyed=False,
        act=lambda form: waitlist.join_waitlist(
            slot, pool=pool, party=form.party(), by=request.user
        ),
        done=lambda entry: _joined(request),
        title=TITLES[pool],
        waitlist=True,
    )


def _joined(request: HttpRequest) -> HttpResponse:
    messages.success(
        request, _("已加入候补。有名额空出时，我们会通过微信或邮件通知您在限时内确认。")
    )
    return redirect("booking:my_bookings")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts
def waitlist_offer(request: HttpRequest, token: str) -> HttpResponse:
    entry = waitlist_entry_or_404(request.user, token)
    error, status = "", 200
    if request.method == "POST":
        answer = request.POST.get("answer")
        if request.limited:
            error, status = str(RATE_MESSAGE), 429
        elif answer in ("accept", "decline"):
            try:
                return _answer(request, entry, answer)
            except BookingError as refusal:
                error, status = refusal.message, 409
        else:
            error, status = _("请选择接受或放弃。"), 400
    now = timezone.now()
    context = {
        "entry": entry,
        "slot": entry.slot,
        "live_offer": entry.status == Status.OFFERED and entry.offer_expires_at > now,
        "expired": entry.status == Status.EXPIRED
        or (entry.status == Status.OFFERED and entry.offer_expires_at <= now),
        "error": error,
    }
    return render(request, "booking/waitlist_offer.html", context, status=status)


def _answer(request: HttpRequest, entry: WaitlistEntry, answer: str) -> HttpResponse:
    if answer == "accept":
        booking = waitlist.accept_offer(entry, by=request.user)
        messages.success(request, _("已接受候补名额，预约成功。"))
        return redirect("booking:booking", booking.code)
    waitlist.decline_offer(entry, by=request.user)
    messages.success(request, _("已放弃候补名额，名额将让给下一位。"))
    return redirect("booking:my_bookings")


@login_required
@require_POST
@limit_posts
def waitlist_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    entry = waitlist_entry_or_404(request.user, token)
    if request.limited:
        return message_page(request, 429, title=_("请稍后再试"), message=RATE_MESSAGE)
    take_step(request, lambda: waitlist.withdraw(entry, by=request.user), _("已退出候补。"))
    return redirect("booking:my_bookings")
