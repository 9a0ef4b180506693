"""The 送教进校园 admin of the city office: lecturers, and the schools' requests with the two
decisions staff take on them — assign a lecturer and a time, or decline with a reason — both
through the service (booking/lecturer_requests.py). The report and its photos show on a
request's inspect page. booking/wagtail_hooks.py registers the two viewsets.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput, Button

from booking import lecturer_requests
from booking.admin_display import LocalInspectMixin
from booking.errors import BookingError
from booking.lecturer_forms import ASKED_FIELDS
from booking.models import Lecturer, LecturerRequest
from education.admin_accounts import AccountEmailForm
from education.models import District
from education.school_admin import GuardedDeleteView
from exports.views import AuditedExportIndexView

REQUESTS_NS = "booking_lecturer_requests"
Status = LecturerRequest.Status


# --- lecturers ----------------------------------------------------------------------------


class LecturerForm(AccountEmailForm):
    """A lecturer's account is found by the email address they signed up with."""

    unknown_email = gettext_lazy("没有使用这个邮箱的账号，请先请讲师在本站注册。")
    email = forms.EmailField(
        label=gettext_lazy("账号邮箱"),
        help_text=gettext_lazy("讲师在本站注册时使用的邮箱；安排通知和报告都通过这个账号。"),
    )

    class Meta:
        model = Lecturer
        fields = ["name", "email", "organisation", "phone", "topics", "active"]

    def clean_email(self):
        email = super().clean_email()
        lecturers = Lecturer.objects.filter(user=self.instance.user)
        other = lecturers.exclude(pk=self.instance.pk).first()
        if other:
            raise forms.ValidationError(
                _("该账号已是讲师“%(name)s”的账号。") % {"name": other.name}
            )
        return email


class LecturerDeleteView(GuardedDeleteView):
    dependants = "talks"
    refusal = gettext_lazy("讲师“%(object)s”已有讲座记录，不能删除；不再安排时请取消勾选“可安排”。")


class LecturerViewSet(ModelViewSet):
    model = Lecturer
    name = "booking_lecturers"
    url_prefix = "booking/lecturers"
    icon = "user"
    menu_label = gettext_lazy("讲师")
    copy_view_enabled = False
    list_display = ["name", "organisation", "phone", "topics", "active"]
    list_filter = ["active"]
    search_fields = ["name", "organisation", "topics"]
    delete_view_class = LecturerDeleteView

    def get_form_class(self, for_update=False):
        return LecturerForm


# --- requests -----------------------------------------------------------------------------


def _preferred_dates(talk: LecturerRequest) -> str:
    return " / ".join(f"{day:%m-%d}" for day in lecturer_requests.choices(talk))


class LecturerRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=Status.choices)
    lecturer = django_filters.ModelChoiceFilter(
        label=gettext_lazy("讲师"), queryset=Lecturer.objects.all()
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("区县"), field_name="school__district", queryset=District.objects.all()
    )

    class Meta:
        model = LecturerRequest
        fields = ["status", "lecturer", "district"]


def _action_buttons(talk: LecturerRequest) -> list[tuple[str, str, str]]:
    """(label, url, icon) of the decisions open on ``talk``."""
    if talk.status != Status.REQUESTED:
        return []
    return [
        (_("安排讲师"), reverse(f"{REQUESTS_NS}:assign", args=[talk.pk]), "user"),
        (_("无法安排"), reverse(f"{REQUESTS_NS}:decline", args=[talk.pk]), "cross"),
    ]


class LecturerRequestIndexView(AuditedExportIndexView):
    export_action = "booking.export"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("school__district", "lecturer")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons += [
                MenuItem(label, url=url, icon_name=icon, priority=5)
                for label, url, icon in _action_buttons(instance)
            ]
        return buttons


class LecturerRequestInspectView(LocalInspectMixin, generic.InspectView):
    template_name = "booking/lecturers/admin_inspect.html"

    def get_object(self, queryset=None):
        talks = LecturerRequest.objects.select_related(
            "school", "requested_by", "lecturer", "assigned_by", "reported_by"
        )
        return get_object_or_404(talks, pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.user_has_permission("change"):
            buttons += [
                Button(label, url=url, icon_name=icon, priority=5)
                for label, url, icon in _action_buttons(self.object)
            ]
        return buttons

    def get_context_data(self, **kwargs):
        photos = self.object.photos.select_related("image")
        return super().get_context_data(photos=photos, **kwargs)


class AssignForm(forms.Form):
    lecturer = forms.ModelChoiceField(
        label=gettext_lazy("讲师"),
        queryset=Lecturer.objects.filter(active=True),
        error_messages={"invalid_choice": gettext_lazy("请选择可安排的讲师。")},
    )
    starts_at = forms.DateTimeField(label=gettext_lazy("讲座时间"), widget=AdminDateTimeInput)
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("时长（分钟）"),
        initial=45,
        min_value=lecturer_requests.DURATION_MIN,
        max_value=lecturer_requests.DURATION_MAX,
    )
    place = forms.CharField(
        label=gettext_lazy("地点"),
        max_length=LecturerRequest._meta.get_field("place").max_length,
        help_text=gettext_lazy("如“学校礼堂”“多功能报告厅”。"),
    )

    def clean_starts_at(self):
        # Checked here too, so that the week shown beside the form is never out of range.
        starts_at = self.cleaned_data["starts_at"]
        try:
            lecturer_requests.check_talk_time(starts_at, timezone.now())
        except BookingError as refusal:
            raise forms.ValidationError(refusal.message) from None
        return starts_at


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("无法安排原因"),
        max_length=LecturerRequest._meta.get_field("decline_reason").max_length,
        help_text=gettext_lazy("学校会在申请页面看到这条原因。"),
    )


class RequestDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A decision on one request, taken by the service in the subclass's ``decide(data)``;
    its refusal is a form error."""

    model = LecturerRequest
    permission_required = "change"
    template_name = "booking/lecturers/admin_decision.html"
    header_icon = "clipboard-list"
    success_message: str

    @cached_property
    def talk(self) -> LecturerRequest:
        talks = LecturerRequest.objects.select_related("school__district", "requested_by")
        return get_object_or_404(talks, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if self.talk.status != Status.REQUESTED:
            messages.error(
                request,
                _("该申请当前状态为“%(status)s”，无需再处理。")
                % {"status": self.talk.get_status_display()},
            )
            return redirect(f"{REQUESTS_NS}:inspect", self.talk.pk)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.talk)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{REQUESTS_NS}:index"), "label": LecturerRequest._meta.verbose_name},
            {"url": "", "label": self.page_title, "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            talk=self.talk,
            choices=lecturer_requests.choices(self.talk),
            action_url=self.request.path,
            submit_button_label=self.page_title,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            self.decide(form.cleaned_data)
        except BookingError as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message % {"request": self.talk})
        return redirect(f"{REQUESTS_NS}:index")


def asked_week(value: str | None) -> date | None:
    """The day of ``?week=``: a date within the year a talk may be assigned in, either way
    (so the previous and next weeks exist too); None for anything else."""
    try:
        day = parse_date(value or "")
    except ValueError:  # well formed, but no such day (2026-02-30)
        return None
    today = timezone.localdate()
    if day is None or abs(day - today) > lecturer_requests.CHOICE_HORIZON:
        return None
    return day


class AssignView(RequestDecisionView):
    form_class = AssignForm
    page_title = gettext_lazy("安排讲师")
    success_message = gettext_lazy("已为“%(request)s”安排讲师，学校联络员和讲师将收到通知。")

    def decide(self, data: dict) -> None:
        lecturer_requests.assign_lecturer(self.talk, by=self.request.user, **data)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        monday = self._week_start(context["form"])
        start = timezone.make_aware(datetime.combine(monday, time.min))
        context["week"] = {
            "start": monday,
            "end": monday + timedelta(days=6),
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "talks": lecturer_requests.talks_between(start, start + timedelta(days=7)).order_by(
                "lecturer__name", "lecturer_id", "starts_at"
            ),
        }
        return context

    def _week_start(self, form: AssignForm) -> date:
        """The week of the time being tried, else of ?week=, else of the first choice."""
        moment = getattr(form, "cleaned_data", {}).get("starts_at")
        day = (
            timezone.localdate(moment)
            if moment
            else asked_week(self.request.GET.get("week")) or self.talk.first_choice
        )
        return day - timedelta(days=day.weekday())


class DeclineView(RequestDecisionView):
    form_class = DeclineForm
    page_title = gettext_lazy("无法安排")
    success_message = gettext_lazy("已答复“%(request)s”无法安排，学校可在申请页面看到原因。")

    def decide(self, data: dict) -> None:
        lecturer_requests.decline_request(self.talk, by=self.request.user, reason=data["reason"])


class LecturerRequestViewSet(ModelViewSet):
    """Requests come from schools through the site and change state only through the
    decisions: no add view, and the edit form keeps to what the school wrote."""

    model = LecturerRequest
    name = REQUESTS_NS
    url_prefix = "booking/lecturer-requests"
    icon = "clipboard-list"
    menu_label = gettext_lazy("送教进校园")
    copy_view_enabled = False
    form_fields = ["topic", "audience", "audience_size", "contact_phone", "notes"]
    list_display = [
        "school",
        "topic",
        Column("choices", label=gettext_lazy("希望日期"), accessor=_preferred_dates),
        "status",
        "lecturer",
        "starts_at",
    ]
    filterset_class = LecturerRequestFilterSet
    search_fields = ["school__name", "topic"]
    list_export = [
        "school",
        "school.district",
        *ASKED_FIELDS,
        "get_status_display",
        "lecturer",
        "starts_at",
        "place",
        "attendance",
    ]
    export_headings = {
        "school.district": gettext_lazy("区县"),
        "get_status_display": gettext_lazy("状态"),
    }
    inspect_view_enabled = True
    inspect_view_fields = [
        "school",
        "requested_by",
        *ASKED_FIELDS,
        "status",
        "created_at",
        "lecturer",
        "starts_at",
        "duration_minutes",
        "place",
        "assigned_by",
        "assigned_at",
        "decline_reason",
        "attendance",
        "report",
        "reported_at",
        "reported_by",
    ]
    index_view_class = LecturerRequestIndexView
    inspect_view_class = LecturerRequestInspectView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{**kwargs, "add_url_name": None})

    def get_urlpatterns(self):
        kept = [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]
        return kept + [
            path("assign/<int:pk>/", AssignView.as_view(), name="assign"),
            path("decline/<int:pk>/", DeclineView.as_view(), name="decline"),
        ]


lecturer_viewset = LecturerViewSet()
lecturer_request_viewset = LecturerRequestViewSet()
