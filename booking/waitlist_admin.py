"""The waiting lists in the Wagtail admin: who waits for which slot and what became of their
offers. Read-only: entries change only through booking/waitlist.py."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from booking.admin_display import LocalInspectMixin
from booking.booking_admin import PARTY_FIELDS, RecordViewSet, party_who
from booking.models import Pool, Venue, WaitlistEntry


class WaitlistFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=WaitlistEntry.Status.choices
    )
    pool = django_filters.ChoiceFilter(label=gettext_lazy("类别"), choices=Pool.choices)
    venue = django_filters.ModelChoiceFilter(
        label=gettext_lazy("场馆"), field_name="slot__venue", queryset=Venue.objects.all()
    )
    day = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("场次日期"), field_name="slot__day", widget=DateRangePickerWidget
    )

    class Meta:
        model = WaitlistEntry
        fields = ["status", "pool", "venue", "day"]


class WaitlistIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("slot__venue", "school")


class WaitlistInspectView(LocalInspectMixin, generic.InspectView):
    def get_object(self, queryset=None):
        entries = WaitlistEntry.objects.select_related("slot__venue", "school", "user", "booking")
        return get_object_or_404(entries, pk=self.pk)


class WaitlistViewSet(RecordViewSet):
    model = WaitlistEntry
    name = "booking_waitlist"
    url_prefix = "booking/waitlist"
    icon = "list-ol"
    menu_label = gettext_lazy("候补")
    permission_codenames = ("view_waitlistentry",)
    index_view_class = WaitlistIndexView
    inspect_view_class = WaitlistInspectView
    filterset_class = WaitlistFilterSet
    search_fields = ["contact_name", "school__name"]
    list_display = [
        "slot",
        Column("who", label=gettext_lazy("候补方"), accessor=party_who),
        "pool",
        "headcount",
        "status",
        Column(
            "joined", label=gettext_lazy("加入时间"), accessor="created_at", sort_key="created_at"
        ),
        "offer_expires_at",
    ]
    inspect_view_fields = [
        "slot",
        "status",
        *PARTY_FIELDS,
        "offered_at",
        "offer_expires_at",
        "booking",
    ]


waitlist_viewset = WaitlistViewSet()
