"""Bookings in the Wagtail admin, for the city office and the bases' staff: the listing
with filters, search and a spreadsheet export, and each booking's page with the staff
actions (approve, refuse, cancel, check in), every one taken through the booking services.

Nothing here writes a booking itself: there is no add, edit or delete form.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.coreutils import multigetattr

from booking.access import visible_bookings
from booking.admin_display import LocalInspectMixin
from booking.checkin import check_in
from booking.models import Booking, Pool, Venue
from booking.services import approve_booking, cancel_booking, refuse_booking
from booking.step_messages import take_step
from education.models import District
from exports.views import AuditedExportIndexView

Status = Booking.Status
BOOKINGS_NS = "booking_bookings"


class RecordViewSet(ModelViewSet):
    """A viewset over rows the booking services write: listed and inspected here, never
    edited, copied or deleted (``add_view_enabled`` lets staff create one, as they create
    suspensions). ``permission_codenames`` are the permissions offered in group settings."""

    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    permission_codenames: tuple[str, ...] = ()

    def get_common_view_kwargs(self, **kwargs):
        closed = {"edit_url_name": None, "delete_url_name": None, "usage_url_name": None}
        if not self.add_view_enabled:
            closed["add_url_name"] = None
        return super().get_common_view_kwargs(**closed, **kwargs)

    def get_urlpatterns(self):
        pk = f"<{self.pk_path_converter}:pk>"
        urls = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/{pk}/", self.inspect_view, name="inspect"),
            path(f"history/{pk}/", self.history_view, name="history"),
            path(f"history-results/{pk}/", self.history_results_view, name="history_results"),
        ]
        if self.add_view_enabled:
            urls.append(path("new/", self.add_view, name="add"))
        return urls

    @property
    def url_finder_class(self):
        # Links to a row (e.g. from the site history report) open its inspect page.
        return type(
            "InspectURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label=self.app_label, codename__in=self.permission_codenames
        )


# Who comes and how many, as a booking and a waiting-list entry both hold it.
CONTACT_AND_COUNT = ("contact_name", "phone", "students", "teachers", "visitors", "headcount")
PARTY_FIELDS = ("pool", "school", "grade", *CONTACT_AND_COUNT, "notes", "user", "created_at")


def party_who(party) -> str:
    """A group as “school · contact”, a public party by its contact."""
    if party.school_id:
        return f"{party.school.name} · {party.contact_name}"
    return party.contact_name


# --- listing ------------------------------------------------------------------------------


class BookingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=Status.choices)
    pool = django_filters.ChoiceFilter(label=gettext_lazy("类别"), choices=Pool.choices)
    venue = django_filters.ModelChoiceFilter(
        label=gettext_lazy("场馆"), field_name="slot__venue", queryset=Venue.objects.all()
    )
    day = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("场次日期"), field_name="slot__day", widget=DateRangePickerWidget
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("学校所在区县"),
        field_name="school__district",
        queryset=District.objects.all(),
    )

    class Meta:
        model = Booking
        fields = ["status", "pool", "venue", "day", "district"]


def _local_text(value: datetime.datetime) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"


# Door staff hold only ``check_in_booking``: they list the bookings and open one to check it
# in. Taking the list away as a spreadsheet, phone numbers and all, is for booking managers.
LIST_ACTIONS = ["view", "change", "check_in"]
EXPORT_ACTION = "change"


class BookingIndexView(AuditedExportIndexView):
    export_action = "booking.export"
    any_permission_required = LIST_ACTIONS
    # Times in the spreadsheet are Shanghai times, as on the screen (Wagtail writes UTC).
    custom_value_preprocess = {
        **AuditedExportIndexView.custom_value_preprocess,
        datetime.datetime: {
            AuditedExportIndexView.FORMAT_XLSX: timezone.make_naive,
            AuditedExportIndexView.FORMAT_CSV: _local_text,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.user_has_permission(EXPORT_ACTION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return self.user_has_permission(EXPORT_ACTION) and super().show_export_buttons

    def get_base_queryset(self):
        return visible_bookings(self.request.user).select_related("slot__venue", "school__district")

    def to_row_dict(self, item):
        # A public party has no school, so no district.
        return {
            field: (item.school.district if item.school_id else "")
            if field == "school_district"
            else multigetattr(item, field)
            for field in self.list_export
        }

    def get_filename(self):
        return f"bookings-{timezone.localdate():%Y%m%d}"


# --- staff actions ------------------------------------------------------------------------


class GuideForm(forms.Form):
    guide = forms.CharField(label=gettext_lazy("讲解员（可选）"), max_length=40, required=False)


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("未通过原因"),
        max_length=120,
        error_messages={"required": gettext_lazy("请填写未通过的原因，它会通知给预约人。")},
    )


class CancellationForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("取消原因"),
        max_length=120,
        error_messages={"required": gettext_lazy("请填写取消原因，它会通知给预约人。")},
    )


class ArrivalForm(forms.Form):
    arrived = forms.IntegerField(
        label=gettext_lazy("实到人数"),
        min_value=0,
        max_value=9999,
        error_messages={
            "required": gettext_lazy("请填写实到人数。"),
            "invalid": gettext_lazy("实到人数须为整数。"),
        },
    )


@dataclass(frozen=True)
class StaffAction:
    """A step staff take on a booking from its admin page: offered while the booking has one
    of ``statuses`` to users with the model permission ``permission``."""

    name: str
    label: str
    permission: str
    statuses: tuple[str, ...]
    form_class: type[forms.Form]
    run: Callable[[Booking, dict, object], Booking]
    done: str
    danger: bool = False
    initial: Callable[[Booking], dict] = lambda booking: {}


ACTIONS = (
    StaffAction(
        "approve",
        gettext_lazy("批准"),
        "change",
        (Status.PENDING,),
        GuideForm,
        lambda booking, data, user: approve_booking(booking, by=user, guide=data["guide"]),
        gettext_lazy("已批准预约 %(code)s，并通知了预约人。"),
    ),
    StaffAction(
        "refuse",
        gettext_lazy("不予通过"),
        "change",
        (Status.PENDING,),
        RefusalForm,
        lambda booking, data, user: refuse_booking(booking, by=user, reason=data["reason"]),
        gettext_lazy("预约 %(code)s 未通过，已通知预约人，名额已释放。"),
        danger=True,
    ),
    StaffAction(
        "check_in",
        gettext_lazy("签到"),
        "check_in",
        (Status.CONFIRMED,),
        ArrivalForm,
        lambda booking, data, user: check_in(booking, arrived=data["arrived"], by=user),
        gettext_lazy("预约 %(code)s 已签到。"),
        initial=lambda booking: {"arrived": booking.headcount},
    ),
    StaffAction(
        "cancel",
        gettext_lazy("取消预约"),
        "change",
        (Status.PENDING, Status.CONFIRMED),
        CancellationForm,
        lambda booking, data, user: cancel_booking(
            booking, by=user, reason=data["reason"], by_staff=True
        ),
        gettext_lazy("预约 %(code)s 已取消，已通知预约人。"),
        danger=True,
    ),
)


def form_errors(form: forms.Form) -> str:
    return "；".join(str(error) for errors in form.errors.values() for error in errors)


class BookingActionView(PermissionCheckedMixin, View):
    """Takes one StaffAction (POST only) and returns to the booking's page with its outcome."""

    http_method_names = ["post"]
    model = Booking
    action: StaffAction | None = None
    inspect_url_name: str | None = None

    def post(self, request, pk):
        booking = get_object_or_404(visible_bookings(request.user), pk=pk)
        form = self.action.form_class(request.POST, prefix=self.action.name)
        if not form.is_valid():
            messages.error(request, form_errors(form))
        else:
            take_step(
                request,
                lambda: self.action.run(booking, form.cleaned_data, request.user),
                self.action.done % {"code": booking.code},
                channel=messages,
            )
        return redirect(self.inspect_url_name, pk)


# --- a booking's page ---------------------------------------------------------------------


class BookingInspectView(LocalInspectMixin, generic.InspectView):
    any_permission_required = LIST_ACTIONS
    template_name = "booking/admin/booking_inspect.html"
    history_url_name: str | None = None

    def get_object(self, queryset=None):
        bookings = visible_bookings(self.request.user).select_related(
            "slot__venue",
            "school",
            "school_class",
            "user",
            "decided_by",
            "cancelled_by",
            "checked_in_by",
            "pre_quiz",
            "post_quiz",
        )
        return get_object_or_404(bookings, pk=self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    @cached_property
    def header_more_buttons(self):
        if not self.user_has_any_permission(generic.HistoryView.any_permission_required):
            return []  # door staff and viewers may not open the history
        url = reverse(self.history_url_name, args=[self.object.pk])
        return [Button(_("历史记录"), url=url, icon_name="history", priority=10)]

    def offered_actions(self) -> list[dict]:
        return [
            {
                "name": action.name,
                "label": action.label,
                "danger": action.danger,
                "url": reverse(f"{BOOKINGS_NS}:{action.name}", args=[self.object.pk]),
                "form": action.form_class(initial=action.initial(self.object), prefix=action.name),
            }
            for action in ACTIONS
            if self.object.status in action.statuses and self.user_has_permission(action.permission)
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(actions=self.offered_actions(), **kwargs)


class BookingViewSet(RecordViewSet):
    model = Booking
    name = BOOKINGS_NS
    url_prefix = "booking/bookings"
    icon = "date"
    menu_label = gettext_lazy("预约")
    permission_codenames = ("view_booking", "change_booking", "check_in_booking")
    index_view_class = BookingIndexView
    inspect_view_class = BookingInspectView
    filterset_class = BookingFilterSet
    search_fields = ["code", "contact_name", "school__name"]
    list_display = [
        "code",
        Column(
            "slot_time",
            label=gettext_lazy("场次时间"),
            accessor="slot.starts_at",
            sort_key="slot__starts_at",
        ),
        Column("venue", label=gettext_lazy("场馆"), accessor="slot.venue"),
        Column("who", label=gettext_lazy("预约方"), accessor=party_who),
        "pool",
        "headcount",
        "status",
        "created_at",
    ]
    list_export = [
        "code",
        "slot.venue",
        "slot.starts_at",
        "get_pool_display",
        "school",
        "school_district",
        "get_grade_display",
        *CONTACT_AND_COUNT,
        "get_status_display",
        "guide",
        "arrived",
        "notes",
        "created_at",
    ]
    export_headings = {
        "slot.venue": gettext_lazy("场馆"),
        "slot.starts_at": gettext_lazy("场次时间"),
        "get_pool_display": gettext_lazy("类别"),
        "school_district": gettext_lazy("区县"),
        "get_grade_display": gettext_lazy("年级"),
        "get_status_display": gettext_lazy("状态"),
    }
    inspect_view_fields = [
        "code",
        "status",
        "slot",
        *PARTY_FIELDS,
        "school_class",
        "hold_until",
        "decided_by",
        "decided_at",
        "refusal_reason",
        "guide",
        "cancelled_at",
        "cancelled_by",
        "cancel_reason",
        "arrived",
        "checked_in_at",
        "checked_in_by",
        "partial_show",
        "reminded_at",
        "pre_quiz",
        "post_quiz",
        "updated_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"{action.name.replace('_', '-')}/<int:pk>/",
                BookingActionView.as_view(
                    action=action,
                    permission_required=action.permission,
                    inspect_url_name=self.get_url_name("inspect"),
                ),
                name=action.name,
            )
            for action in ACTIONS
        ]


booking_viewset = BookingViewSet()
