"""Venues, closures and slots in the Wagtail admin. booking/wagtail_hooks.py registers the
viewsets below by name.

- Saving a venue (with its photos and weekly rules) makes the slots of its booking window.
- Saving a closure closes the slots on its days and cancels their bookings, with a notice.
- A slot's capacities, note and closing are one-off changes: never below what is booked,
  and kept when slots are generated again. "Add" makes an extra one-off slot.
"""

import django_filters
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from booking.models import Closure, Slot, Venue
from booking.slot_generation import SlotChangeRefused, change_slot, close_days, generate_window
from education.models import District
from education.school_admin import GuardedDeleteView


class ReportsAfterSave:
    """A create or edit view that acts on the saved object (in the same transaction) and
    adds what it did to the success message."""

    def after_save(self, instance) -> str:
        raise NotImplementedError

    def save_instance(self):
        instance = super().save_instance()
        self.done = self.after_save(instance)
        return instance

    def get_success_message(self, *args):
        return f"{super().get_success_message(*args)} {self.done}"


# --- venues -------------------------------------------------------------------------------


class VenueSlotsMixin(ReportsAfterSave):
    """After a venue is saved, the slots of its booking window are made from its rules."""

    def after_save(self, venue: Venue) -> str:
        count = generate_window(venue, timezone.localdate())
        return _("已按每周场次新增 %(count)s 个场次。") % {"count": count}


class VenueCreateView(VenueSlotsMixin, generic.CreateView):
    pass


class VenueEditView(VenueSlotsMixin, generic.EditView):
    pass


class VenueIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district")


class VenueDeleteView(GuardedDeleteView):
    dependants = "slots"
    refusal = gettext_lazy("“%(object)s”已有场次，不能删除；如需停止预约，请取消勾选“公开预约”。")


class VenueFilterSet(WagtailFilterSet):
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("所在区县"), queryset=District.objects.all()
    )

    class Meta:
        model = Venue
        fields = ["district", "published"]


class VenueViewSet(ModelViewSet):
    model = Venue
    name = "booking_venues"
    url_prefix = "booking/venues"
    icon = "home"
    menu_label = gettext_lazy("场馆")
    menu_order = 100
    copy_view_enabled = False
    list_display = [
        "name",
        "district",
        BooleanColumn("published", label=gettext_lazy("公开预约"), sort_key="published"),
    ]
    filterset_class = VenueFilterSet
    search_fields = ["name", "address"]
    index_view_class = VenueIndexView
    add_view_class = VenueCreateView
    edit_view_class = VenueEditView
    delete_view_class = VenueDeleteView


venue_viewset = VenueViewSet()


# --- closures -----------------------------------------------------------------------------


class ClosureSlotsMixin(ReportsAfterSave):
    """After a closure is saved, the slots on its days are closed and their bookings
    cancelled (the bookers are told why)."""

    def after_save(self, closure: Closure) -> str:
        count = close_days(closure, by=self.request.user)
        return _("已停开 %(count)s 个场次，其中的预约已取消并通知预约人。") % {"count": count}


class ClosureCreateView(ClosureSlotsMixin, generic.CreateView):
    pass


class ClosureEditView(ClosureSlotsMixin, generic.EditView):
    pass


class ClosureIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("venue")


def closure_venue(closure: Closure) -> str:
    return closure.venue.name if closure.venue_id else _("所有场馆")


class ClosureViewSet(ModelViewSet):
    model = Closure
    name = "booking_closures"
    url_prefix = "booking/closures"
    icon = "warning"
    menu_label = gettext_lazy("闭馆日")
    menu_order = 110
    copy_view_enabled = False
    form_fields = ["venue", "first_day", "last_day", "reason"]
    list_display = [
        "reason",
        Column("venue", label=gettext_lazy("场馆"), accessor=closure_venue),
        "first_day",
        "last_day",
    ]
    list_filter = ["venue"]
    index_view_class = ClosureIndexView
    add_view_class = ClosureCreateView
    edit_view_class = ClosureEditView


closure_viewset = ClosureViewSet()


# --- slots --------------------------------------------------------------------------------


class SlotCreateForm(WagtailAdminModelForm):
    """An extra one-off slot, e.g. a special opening on a public holiday."""

    class Meta:
        model = Slot
        fields = [
            "venue",
            "starts_at",
            "ends_at",
            "group_capacity",
            "public_capacity",
            "max_groups",
            "note",
        ]

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and timezone.localdate(starts_at) != timezone.localdate(ends_at):
            self.add_error("ends_at", _("场次须在开始当天结束。"))
        return cleaned


class SlotEditForm(WagtailAdminModelForm):
    """A one-off change to one slot; closing it cancels its bookings with the note as the
    reason told to the bookers."""

    class Meta:
        model = Slot
        fields = ["group_capacity", "public_capacity", "max_groups", "closed", "note"]
        help_texts = {
            "closed": gettext_lazy("停开后，本场次已有的预约会被取消，并以备注为原因通知预约人。"),
            "note": gettext_lazy("停开时必填，写明原因；停开的场次在预约日历上显示此备注。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slot = self.instance
        held = {
            "group_capacity": slot.group_taken,
            "public_capacity": slot.public_taken,
            "max_groups": slot.groups_taken,
        }
        for name, count in held.items():
            self.fields[name].help_text = _("当前已约：%(count)s") % {"count": count}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("closed") and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("停开场次时请在备注中填写原因，它会通知给已预约的人。"))
        return cleaned


class SlotEditView(generic.EditView):
    def save_instance(self):
        return change_slot(self.form.instance, super().save_instance, by=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except SlotChangeRefused as refusal:
            form.add_error(refusal.field, refusal.message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SlotIndexView(generic.IndexView):
    default_ordering = "starts_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("venue")

    @cached_property
    def columns(self):
        # The first column links to the slot's edit page; it shows the slot's start and end.
        title = self._get_title_column("starts_at", accessor=slot_time)
        title.label = _("时间")
        return [title, *super().columns[1:]]


class SlotDeleteView(GuardedDeleteView):
    dependants = "bookings"
    refusal = gettext_lazy("“%(object)s”已有预约记录，不能删除；如不再开放，请改为停开。")


class SlotFilterSet(WagtailFilterSet):
    venue = django_filters.ModelChoiceFilter(
        label=gettext_lazy("场馆"), queryset=Venue.objects.all()
    )
    day = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("日期"), widget=DateRangePickerWidget
    )
    closed = django_filters.BooleanFilter(label=gettext_lazy("已停开"))

    class Meta:
        model = Slot
        fields = ["venue", "day", "closed"]


def slot_time(slot: Slot) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


def group_fill(slot: Slot) -> str:
    return f"{slot.group_taken} / {slot.group_capacity}"


def public_fill(slot: Slot) -> str:
    return f"{slot.public_taken} / {slot.public_capacity}"


def groups_fill(slot: Slot) -> str:
    return f"{slot.groups_taken} / {slot.max_groups}"


class SlotViewSet(ModelViewSet):
    model = Slot
    name = "booking_slots"
    url_prefix = "booking/slots"
    icon = "time"
    menu_label = gettext_lazy("场次")
    menu_order = 120
    copy_view_enabled = False
    list_display = [
        "starts_at",
        "venue",
        Column("group", label=gettext_lazy("团体 已约/名额（人）"), accessor=group_fill),
        Column("groups", label=gettext_lazy("团体数 已约/上限"), accessor=groups_fill),
        Column("public", label=gettext_lazy("散客 已约/名额（人）"), accessor=public_fill),
        BooleanColumn("closed", label=gettext_lazy("已停开"), sort_key="closed"),
        "note",
    ]
    filterset_class = SlotFilterSet
    index_view_class = SlotIndexView
    edit_view_class = SlotEditView
    delete_view_class = SlotDeleteView

    def get_form_class(self, for_update=False):
        return SlotEditForm if for_update else SlotCreateForm


slot_viewset = SlotViewSet()
