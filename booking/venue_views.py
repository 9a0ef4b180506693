"""The public pages of venues and slots: the venues, a venue with its calendar, a slot with
the ways to book it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from booking.public_calendar import (
    published_venues,
    slot_or_404,
    slot_view,
    start_day,
    venue_calendar,
    venue_or_404,
)
from education.access import coordinated_schools


@require_safe
def venues(request: HttpRequest) -> HttpResponse:
    return render(request, "booking/venues.html", {"venues": published_venues()})


@require_safe
def venue(request: HttpRequest, slug: str) -> HttpResponse:
    venue = venue_or_404(slug)
    now = timezone.now()
    start = start_day(request.GET.get("from"), timezone.localdate(now))
    context = {"venue": venue, "calendar": venue_calendar(venue, start, now)}
    return render(request, "booking/venue.html", context)


@require_safe
def slot(request: HttpRequest, slot_id: int) -> HttpResponse:
    slot = slot_or_404(slot_id)
    context = {
        "slot": slot,
        "venue": slot.venue,
        "view": slot_view(slot, timezone.now()),
        "is_coordinator": coordinated_schools(request.user).exists(),
    }
    return render(request, "booking/slot.html", context)
