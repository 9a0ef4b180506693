"""Suspensions in the Wagtail admin: the running and past ones, a manual suspension of a
school or a person by staff, and lifting one early (through booking/no_shows.py)."""

import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import AdminDateInput

from booking.admin_display import LocalInspectMixin
from booking.booking_admin import RecordViewSet
from booking.models import Suspension, suspension_active
from booking.no_shows import lift_suspension, suspend
from booking.party_rules import active_suspension
from booking.step_messages import take_step

SUSPENSIONS_NS = "booking_suspensions"
LONGEST_SUSPENSION = datetime.timedelta(days=3 * 365)


def suspended_who(suspension: Suspension) -> str:
    if suspension.school_id:
        return suspension.school.name
    user = suspension.user
    return f"{user.get_full_name() or user.username}（{user.email}）"


def suspension_state(suspension: Suspension, now: datetime.datetime | None = None) -> str:
    now = now or timezone.now()
    if suspension.lifted_at:
        return _("已解除")
    if suspension.ends_at <= now:
        return _("已到期")
    if suspension.starts_at > now:
        return _("未开始")
    return _("暂停中")


def is_liftable(suspension: Suspension, now: datetime.datetime) -> bool:
    return suspension.lifted_at is None and suspension.ends_at > now


class SuspensionFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"),
        choices=[("active", gettext_lazy("暂停中")), ("past", gettext_lazy("已到期或已解除"))],
        method="filter_state",
    )
    booker = django_filters.ChoiceFilter(
        label=gettext_lazy("对象"),
        choices=[("school", gettext_lazy("学校")), ("user", gettext_lazy("个人"))],
        method="filter_booker",
    )

    class Meta:
        model = Suspension
        fields = ["state", "booker"]

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == "active":
            return queryset.filter(suspension_active(now))
        return queryset.exclude(lifted_at__isnull=True, ends_at__gt=now)

    def filter_booker(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class SuspensionForm(WagtailAdminModelForm):
    """A manual suspension: a school, or a person found by their email address, suspended
    from now until the end of the chosen day."""

    email = forms.EmailField(
        label=gettext_lazy("个人账号邮箱"),
        required=False,
        help_text=gettext_lazy("暂停个人（散客）预约时填写；暂停学校时留空。"),
    )
    until = forms.DateField(
        label=gettext_lazy("暂停至（含当日）"),
        widget=AdminDateInput,
        error_messages={"required": gettext_lazy("请填写暂停的结束日期。")},
    )

    class Meta:
        model = Suspension
        fields = ["school", "email", "until", "reason"]
        help_texts = {"school": gettext_lazy("暂停学校团体预约时选择；暂停个人时留空。")}

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if not email:
            return ""
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("没有使用这个邮箱的账号。"))
        self.instance.user = user
        return email

    def clean_until(self):
        until, today = self.cleaned_data["until"], timezone.localdate()
        if until < today:
            raise forms.ValidationError(_("结束日期不能早于今天。"))
        latest = today + LONGEST_SUSPENSION
        if until > latest:
            raise forms.ValidationError(
                _("暂停最长三年，结束日期不能晚于 %(latest)s。") % {"latest": f"{latest:%Y-%m-%d}"}
            )
        return until

    def clean(self):
        cleaned = super().clean()
        school, email = cleaned.get("school"), cleaned.get("email")
        if "email" in self.errors:
            return cleaned
        if school and email:
            raise forms.ValidationError(_("学校和个人账号只能选一个：一次暂停一个预约方。"))
        if not school and not email:
            raise forms.ValidationError(_("请选择要暂停的学校，或填写个人账号的邮箱。"))
        if not email:
            self.instance.user = None
        running = active_suspension(school=school, user=self.instance.user, now=timezone.now())
        if running:
            raise forms.ValidationError(
                _("该预约方已在暂停中，至 %(until)s。")
                % {"until": f"{timezone.localtime(running.ends_at):%Y-%m-%d %H:%M}"}
            )
        return cleaned


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first moment after ``day`` (local time): a suspension "until 5 March" ends then."""
    next_day = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(next_day)


class SuspensionCreateView(generic.CreateView):
    success_message = gettext_lazy("已暂停“%(object)s”的预约资格，并通知了对方。")

    def save_instance(self):
        suspension = self.form.save(commit=False)
        with transaction.atomic():
            return suspend(
                school=suspension.school,
                user=suspension.user,
                ends_at=end_of_day(self.form.cleaned_data["until"]),
                reason=suspension.reason,
                now=timezone.now(),
                by=self.request.user,
                data={"manual": True},
            )

    def get_success_message(self, instance):
        return self.success_message % {"object": suspended_who(instance)}

    def get_success_buttons(self):
        return []


class SuspensionInspectView(LocalInspectMixin, generic.InspectView):
    template_name = "booking/admin/suspension_inspect.html"

    def get_object(self, queryset=None):
        suspensions = Suspension.objects.select_related("school", "user", "created_by", "lifted_by")
        return get_object_or_404(suspensions, pk=self.pk)

    def get_page_subtitle(self):
        return suspended_who(self.object)

    def get_created_by_display_value(self):
        return self.object.created_by or _("系统（爽约规则）")

    def get_context_data(self, **kwargs):
        actions = []
        if is_liftable(self.object, timezone.now()) and self.user_has_permission("change"):
            url = reverse(f"{SUSPENSIONS_NS}:lift", args=[self.object.pk])
            actions.append({"name": "lift", "label": _("解除暂停"), "url": url})
        return super().get_context_data(
            state=suspension_state(self.object), actions=actions, **kwargs
        )


class LiftView(PermissionCheckedMixin, View):
    http_method_names = ["post"]
    model = Suspension
    permission_required = "change"

    def post(self, request, pk):
        suspension = get_object_or_404(Suspension.objects.select_related("school", "user"), pk=pk)
        take_step(
            request,
            lambda: lift_suspension(suspension, by=request.user),
            _("已解除“%(who)s”的暂停。") % {"who": suspended_who(suspension)},
            channel=messages,
        )
        return redirect(f"{SUSPENSIONS_NS}:inspect", pk)


class SuspensionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("school", "user", "created_by", "lifted_by")
        )


class SuspensionViewSet(RecordViewSet):
    model = Suspension
    name = SUSPENSIONS_NS
    url_prefix = "booking/suspensions"
    icon = "lock"
    menu_label = gettext_lazy("暂停预约")
    add_view_enabled = True
    permission_codenames = ("view_suspension", "add_suspension", "change_suspension")
    index_view_class = SuspensionIndexView
    add_view_class = SuspensionCreateView
    inspect_view_class = SuspensionInspectView
    filterset_class = SuspensionFilterSet
    search_fields = ["school__name", "user__email", "reason"]
    list_display = [
        TitleColumn(
            "who",
            label=gettext_lazy("暂停对象"),
            accessor=suspended_who,
            get_url=lambda suspension: reverse(f"{SUSPENSIONS_NS}:inspect", args=[suspension.pk]),
        ),
        Column("state", label=gettext_lazy("状态"), accessor=suspension_state),
        "starts_at",
        "ends_at",
        "reason",
        Column("created_by", label=gettext_lazy("操作人"), accessor="created_by"),
        "lifted_at",
        "lifted_by",
    ]
    inspect_view_fields = [
        "school",
        "user",
        "starts_at",
        "ends_at",
        "reason",
        "created_by",
        "lifted_at",
        "lifted_by",
    ]

    def get_form_class(self, for_update=False):
        return SuspensionForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("lift/<int:pk>/", LiftView.as_view(), name="lift"),
        ]


suspension_viewset = SuspensionViewSet()
