"""The schools admin of the city office, grouped under one 「学校」 menu: districts, schools
(with their join links), coordinators (approve, reject, revoke) and district officers.

Only the city office uses it (see education/school_permissions.py). Students are never
listed here: coordinators manage their own rosters on the site.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr

from education import roles
from education.admin_accounts import AccountEmailForm
from education.models import Coordinator, District, DistrictOfficer, School
from exports.views import AuditedExportIndexView, SafeExportIndexView
from wechat.texts import absolute_url

COORDINATOR_NS = "education_coordinators"


def join_url(school: School) -> str:
    """The link students open to join the school's quiz."""
    return absolute_url(reverse("join_school", args=[school.join_token]))


class CityViewSet(ModelViewSet):
    """A viewset of the city office's school data: no copies, no reference index entries
    (rows change with every roster import and request), no model permissions of its own."""

    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = SafeExportIndexView

    def get_permissions_to_register(self):
        return Permission.objects.none()


class GuardedDeleteView(generic.DeleteView):
    """Deletes only what has nothing that depends on it: while the object's ``dependants`` (a
    related manager) has rows, says ``refusal`` (formatted with the object) instead."""

    dependants: str
    refusal: str

    def dispatch(self, request, *args, **kwargs):
        if self.user_has_permission("delete") and getattr(self.object, self.dependants).exists():
            messages.error(request, self.refusal % {"object": self.object})
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class DistrictDeleteView(GuardedDeleteView):
    dependants = "schools"
    refusal = gettext_lazy("“%(object)s”下还有学校，不能删除。")


class SchoolDeleteView(GuardedDeleteView):
    dependants = "students"
    refusal = gettext_lazy("“%(object)s”的花名册中还有学生，不能删除。")


# --- districts ----------------------------------------------------------------------------


class DistrictViewSet(CityViewSet):
    model = District
    name = "education_districts"
    url_prefix = "schools/districts"
    icon = "site"
    menu_label = gettext_lazy("区县")
    form_fields = ["name", "sort_order"]
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    delete_view_class = DistrictDeleteView


# --- schools ------------------------------------------------------------------------------


class SchoolIndexView(SafeExportIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district")

    def to_row_dict(self, item):
        return {
            field: join_url(item) if field == "join_link" else multigetattr(item, field)
            for field in self.list_export
        }


class SchoolInspectView(generic.InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "join_token":
            return _("学生加入链接")
        return super().get_field_label(field_name, field)

    def get_join_token_display_value(self):
        url = join_url(self.object)
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)


class SchoolViewSet(CityViewSet):
    model = School
    name = "education_schools"
    url_prefix = "schools/schools"
    icon = "home"
    menu_label = gettext_lazy("学校")
    form_fields = ["name", "district", "level", "declared_enrolment"]
    list_display = ["name", "district", "level", "declared_enrolment", "roster_size"]
    list_filter = ["district", "level"]
    search_fields = ["name"]
    list_export = [
        "name",
        "district",
        "get_level_display",
        "declared_enrolment",
        "roster_size",
        "join_link",
    ]
    export_headings = {
        "get_level_display": gettext_lazy("学段"),
        "join_link": gettext_lazy("学生加入链接"),
    }
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "district",
        "level",
        "declared_enrolment",
        "roster_size",
        "join_token",
        "created_at",
    ]
    index_view_class = SchoolIndexView
    inspect_view_class = SchoolInspectView
    delete_view_class = SchoolDeleteView

    def get_permissions_to_register(self):
        # The one permission that opens this admin (and the city's rates) to a group.
        return Permission.objects.filter(
            content_type__app_label="education", codename="view_city_rates"
        )


# --- coordinators -------------------------------------------------------------------------


class CoordinatorFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=Coordinator.Status)
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("区县"),
        field_name="school__district",
        queryset=District.objects.all(),
    )

    class Meta:
        model = Coordinator
        fields = ["status", "district"]


class CoordinatorIndexView(AuditedExportIndexView):
    export_action = "education.export"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "school__district", "decided_by")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if roles.actions_for(instance) and self.user_has_permission("change"):
            url = reverse(f"{COORDINATOR_NS}:decide", args=[instance.pk])
            label = _("审核") if instance.status == Coordinator.Status.PENDING else _("撤销")
            buttons.append(MenuItem(label, url=url, icon_name="tick", priority=5))
        return buttons


class CoordinatorDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Shows a request (or an approved role) and takes the decision on it."""

    model = Coordinator
    permission_required = "change"
    template_name = "education/roles/admin_decide.html"
    header_icon = "group"
    page_title = gettext_lazy("审核学校联络员")

    @cached_property
    def role(self) -> Coordinator:
        roles_ = Coordinator.objects.select_related("user", "school__district", "decided_by")
        return get_object_or_404(roles_, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.role)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            role=self.role,
            actions=roles.actions_for(self.role),
            index_url=reverse(f"{COORDINATOR_NS}:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in roles.actions_for(self.role):
            messages.error(request, _("该申请已处理或操作无效，请刷新后重试。"))
        else:
            try:
                messages.success(request, roles.decide(self.role, request.user, action))
            except roles.RoleError as refusal:
                messages.error(request, refusal.message)
        return redirect(f"{COORDINATOR_NS}:index")


class CoordinatorViewSet(CityViewSet):
    model = Coordinator
    name = COORDINATOR_NS
    url_prefix = "schools/coordinators"
    icon = "group"
    menu_label = gettext_lazy("学校联络员")
    # Status changes only through the decision view, which records who decided and tells
    # the teacher; the edit form keeps to the title.
    form_fields = ["title"]
    list_display = [
        "school",
        "user",
        Column("district", label=gettext_lazy("区县"), accessor="school.district"),
        "title",
        "status",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    filterset_class = CoordinatorFilterSet
    search_fields = ["school__name", "user__email", "user__username", "title"]
    list_export = [
        "school",
        "school.district",
        "user",
        "user.email",
        "title",
        "get_status_display",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    export_headings = {
        "school.district": gettext_lazy("区县"),
        "user.email": gettext_lazy("邮箱"),
        "get_status_display": gettext_lazy("状态"),
    }
    inspect_view_enabled = True
    inspect_view_fields = [
        "school",
        "user",
        "title",
        "status",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    index_view_class = CoordinatorIndexView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("decide/<int:pk>/", CoordinatorDecisionView.as_view(), name="decide"),
        ]


# --- district officers --------------------------------------------------------------------


class DistrictOfficerForm(AccountEmailForm):
    email = forms.EmailField(label=gettext_lazy("账号邮箱"))

    class Meta:
        model = DistrictOfficer
        fields = ["email", "district"]

    def clean(self):
        cleaned = super().clean()
        district = cleaned.get("district")
        if self.instance.user_id and district:
            taken = DistrictOfficer.objects.filter(user=self.instance.user, district=district)
            if taken.exclude(pk=self.instance.pk).exists():
                self.add_error("email", _("该账号已是这个区县的禁毒办人员。"))
        return cleaned


class DistrictOfficerIndexView(SafeExportIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "district")


class DistrictOfficerViewSet(CityViewSet):
    model = DistrictOfficer
    name = "education_officers"
    url_prefix = "schools/officers"
    icon = "user"
    menu_label = gettext_lazy("区禁毒办人员")
    list_display = [
        "user",
        Column("email", label=gettext_lazy("邮箱"), accessor="user.email"),
        "district",
    ]
    list_filter = ["district"]
    search_fields = ["user__email", "user__username", "district__name"]
    index_view_class = DistrictOfficerIndexView

    def get_form_class(self, for_update=False):
        return DistrictOfficerForm


class SchoolViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("学校")
    menu_icon = "home"
    menu_order = 240
    items = (SchoolViewSet, DistrictViewSet, CoordinatorViewSet, DistrictOfficerViewSet)


@hooks.register("register_admin_viewset")
def register_school_viewsets():
    return SchoolViewSetGroup()
