"""The public booking site under /visit/ (namespace "booking"): venues and their calendars,
slots, the booking forms, a booking's page and files, "my bookings" and the waiting list.
The fixed words come before the venue's slug."""

from django.urls import path, re_path

from booking import booking_views, venue_views, waitlist_views
from booking.models import Pool

urlpatterns = [
    path("", venue_views.venues, name="venues"),
    path("my/", booking_views.my_bookings, name="my_bookings"),
    path("slot/<int:slot_id>/", venue_views.slot, name="slot"),
    path("slot/<int:slot_id>/group/", booking_views.book, {"pool": Pool.GROUP}, name="book_group"),
    path(
        "slot/<int:slot_id>/public/",
        booking_views.book,
        {"pool": Pool.PUBLIC},
        name="book_public",
    ),
    path(
        "slot/<int:slot_id>/waitlist/<str:pool>/",
        waitlist_views.join_waitlist,
        name="join_waitlist",
    ),
    path("booking/<str:code>/", booking_views.booking, name="booking"),
    path("booking/<str:code>.ics", booking_views.booking_ics, name="booking_ics"),
    re_path(
        r"^booking/(?P<code>[^/.]+)/qr\.(?P<kind>svg|png)$",
        booking_views.booking_qr,
        name="booking_qr",
    ),
    path("booking/<str:code>/cancel/", booking_views.booking_cancel, name="booking_cancel"),
    path("booking/<str:code>/change/", booking_views.booking_change, name="booking_change"),
    path("waitlist/<str:token>/", waitlist_views.waitlist_offer, name="waitlist_offer"),
    path(
        "waitlist/<str:token>/withdraw/",
        waitlist_views.waitlist_withdraw,
        name="waitlist_withdraw",
    ),
    path("<slug:slug>/", venue_views.venue, name="venue"),
]
