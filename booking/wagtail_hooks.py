from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from booking import audit
from booking.booking_admin import booking_viewset
from booking.figures_admin import figures_viewset
from booking.lecturer_admin import lecturer_request_viewset, lecturer_viewset
from booking.slot_calendar import calendar_viewset
from booking.suspension_admin import suspension_viewset
from booking.venue_admin import closure_viewset, slot_viewset, venue_viewset
from booking.waitlist_admin import waitlist_viewset

hooks.register("register_log_actions", audit.register_actions)


class BookingViewSetGroup(ViewSetGroup):
    """「参观预约」: the day's work first (bookings, the calendar, waiting lists,
    suspensions, figures, lecturer requests), then the venues' set-up."""

    menu_label = _("参观预约")
    menu_icon = "date"
    menu_order = 250
    items = (
        booking_viewset,
        calendar_viewset,
        waitlist_viewset,
        suspension_viewset,
        figures_viewset,
        lecturer_request_viewset,
        lecturer_viewset,
        venue_viewset,
        closure_viewset,
        slot_viewset,
    )


@hooks.register("register_admin_viewset")
def register_booking_viewsets():
    return BookingViewSetGroup()
