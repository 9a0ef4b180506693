"""「场次日历」 in the Wagtail admin, for base staff and booking managers: a month of one
venue's slots with how full each is, and for each day a printable sheet of the groups and
parties expected, to take to the door. The fill levels come from the slots' display
counters; the sheet reads the bookings themselves."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from booking.access import visible_bookings
from booking.admin_menus import GatedViewSet
from booking.models import Booking, Pool, Slot, Venue, Weekday, holding
from booking.slot_generation import closures_by_day

VIEW_PERMISSIONS = ("booking.view_booking", "booking.check_in_booking")
SLOT_CHANGE_PERMISSION = "booking.change_slot"
FIRST_YEAR, LAST_YEAR = 2000, 2100
BUSY_SHARE = 0.75


def can_see_calendar(user) -> bool:
    return any(user.has_perm(permission) for permission in VIEW_PERMISSIONS)


class CalendarAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_see_calendar(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- the month ----------------------------------------------------------------------------


def fill_level(taken: int, capacity: int) -> str:
    """A CSS modifier for how full a pool is."""
    if capacity <= 0:
        return "none"
    if taken >= capacity:
        return "full"
    return "busy" if taken >= capacity * BUSY_SHARE else "open"


@dataclass
class SlotFill:
    slot: Slot
    edit_url: str

    @property
    def group_level(self) -> str:
        if self.slot.places_left(Pool.GROUP) == 0 and self.slot.group_capacity:
            return "full"
        return fill_level(self.slot.group_taken, self.slot.group_capacity)

    @property
    def public_level(self) -> str:
        return fill_level(self.slot.public_taken, self.slot.public_capacity)


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    closure: str = ""
    slots: list[SlotFill] = field(default_factory=list)
    sheet_url: str = ""


def parse_month(value: str | None, today: date) -> date:
    """The first day of the month given as ``YYYY-MM``; this month when it is missing or
    not a month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def month_days(first: date) -> list[list[date]]:
    """The weeks (Monday first) that show the month."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)


def shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class CalendarView(CalendarAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "booking/admin/slot_calendar.html"
    page_title = _("场次日历")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        venues = list(Venue.objects.all())
        chosen = self.request.GET.get("venue", "")
        venue = next((v for v in venues if str(v.pk) == chosen), venues[0] if venues else None)
        first = parse_month(self.request.GET.get("month"), today)
        context = super().get_context_data(
            venues=venues, venue=venue, month=first, weekday_names=Weekday.labels, **kwargs
        )
        if venue is not None:
            context.update(
                weeks=self.weeks(venue, first, today),
                previous_month=shift_month(first, -1),
                next_month=shift_month(first, 1),
            )
        return context

    def weeks(self, venue: Venue, first: date, today: date) -> list[list[CalendarDay]]:
        weeks = month_days(first)
        start, end = weeks[0][0], weeks[-1][-1]
        closed = closures_by_day(venue, start, end)
        days = {
            day: CalendarDay(
                day=day,
                in_month=day.month == first.month,
                is_today=day == today,
                closure=closed.get(day, ""),
                sheet_url=reverse("slot_calendar:day", args=[venue.pk, day.isoformat()]),
            )
            for week in weeks
            for day in week
        }
        may_edit = self.request.user.has_perm(SLOT_CHANGE_PERMISSION)
        for slot in Slot.objects.filter(venue=venue, day__range=(start, end)).order_by("starts_at"):
            edit_url = reverse("booking_slots:edit", args=[slot.pk]) if may_edit else ""
            days[slot.day].slots.append(SlotFill(slot, edit_url))
        return [[days[day] for day in week] for week in weeks]


# --- the day sheet ------------------------------------------------------------------------


@dataclass
class Totals:
    parties: int = 0
    students: int = 0
    teachers: int = 0
    visitors: int = 0
    headcount: int = 0
    arrived: int | None = None  # None until someone has arrived: blank on a sheet printed before

    def add(self, booking: Booking) -> None:
        self.parties += 1
        self.students += booking.students
        self.teachers += booking.teachers
        self.visitors += booking.visitors
        self.headcount += booking.headcount
        if booking.arrived is not None:
            self.arrived = (self.arrived or 0) + booking.arrived


@dataclass
class SlotSheet:
    slot: Slot
    bookings: list[Booking]

    @cached_property
    def totals(self) -> Totals:
        totals = Totals()
        for booking in self.bookings:
            totals.add(booking)
        return totals


def expected_bookings(user, now):
    """The bookings a day's sheet lists: those holding places, and no-shows (a sheet printed
    after the day still lists them)."""
    return (
        visible_bookings(user)
        .filter(holding(now) | Q(status=Booking.Status.NO_SHOW))
        .select_related("school")
        .order_by("pool", "created_at", "pk")
    )


def parse_day(value: str) -> date:
    """The day of a sheet, in the years the calendar shows (its links reach a day before
    and after); a 404 for anything else."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Http404 from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Http404
    return day


class DaySheetView(CalendarAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "booking/admin/day_sheet.html"
    page_title = _("参观日程单")
    header_icon = "list-ul"

    @cached_property
    def venue(self) -> Venue:
        return get_object_or_404(Venue, pk=self.kwargs["venue_pk"])

    @cached_property
    def day(self) -> date:
        return parse_day(self.kwargs["iso_day"])

    def get_page_subtitle(self):
        return f"{self.venue} {self.day:%Y-%m-%d}"

    def get_breadcrumbs_items(self):
        calendar_url = reverse("slot_calendar:index")
        query = f"?venue={self.venue.pk}&month={self.day:%Y-%m}"
        return self.breadcrumbs_items + [
            {"url": calendar_url + query, "label": CalendarView.page_title},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        bookings = Prefetch(
            "bookings",
            queryset=expected_bookings(self.request.user, timezone.now()),
            to_attr="expected",
        )
        slots = Slot.objects.filter(venue=self.venue, day=self.day).prefetch_related(bookings)
        sheets = [SlotSheet(slot, slot.expected) for slot in slots.order_by("starts_at")]
        day_totals = Totals()
        for sheet in sheets:
            for booking in sheet.bookings:
                day_totals.add(booking)
        return super().get_context_data(
            venue=self.venue,
            day=self.day,
            sheets=sheets,
            day_totals=day_totals,
            previous_day=self.day - timedelta(days=1),
            next_day=self.day + timedelta(days=1),
            printed_at=timezone.localtime(),
            **kwargs,
        )


# --- the viewset --------------------------------------------------------------------------


class SlotCalendarViewSet(GatedViewSet):
    name = "slot_calendar"
    url_prefix = "booking/calendar"
    icon = "date"
    menu_label = _("场次日历")

    def may_open(self, user) -> bool:
        return can_see_calendar(user)

    def get_urlpatterns(self):
        return [
            path("", CalendarView.as_view(), name="index"),
            path("<int:venue_pk>/<str:iso_day>/", DaySheetView.as_view(), name="day"),
        ]


calendar_viewset = SlotCalendarViewSet()
