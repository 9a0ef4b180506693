"""「知晓率」 in the Wagtail admin, for the city office (``education.view_city_rates``): the
districts, the city's rate over time against the target, the schools at the top and the
bottom of the ranking, an XLSX export; and a panel on the admin dashboard with the city's
rate against the target."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from education import rate_exports
from education.access import is_city_admin
from education.models import Period
from education.period_choice import choose_period
from education.rate_reports import city_report, city_summary, site_target


class CityAdminOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_city_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CityRatesView(CityAdminOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "education/dashboards/city_admin.html"
    page_title = gettext_lazy("全市学生毒品知晓率")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        choice = choose_period(self.request)
        report = city_report(choice.period, site_target(self.request)) if choice.period else None
        return super().get_context_data(choice=choice, report=report, **kwargs)


class CityRatesExportView(CityAdminOnlyMixin, View):
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest) -> HttpResponse:
        period = choose_period(request).period
        if period is None:
            messages.error(request, _("尚未设置统计周期，暂无数据可导出。"))
            return redirect("city_rates:index")
        report = city_report(period, site_target(request))
        filename = _("全市-%(period)s-知晓率.xlsx") % {"period": period}
        return rate_exports.xlsx_response(rate_exports.city_workbook(report), filename)


class CityRatesMenuItem(MenuItem):
    def is_shown(self, request):
        return is_city_admin(request.user)


class CityRatesViewSet(ViewSet):
    name = "city_rates"
    url_prefix = "rates"
    icon = "table"
    menu_label = gettext_lazy("知晓率")
    menu_hook = "register_quiz_menu_item"  # the 「答题」 group of question_admin
    menu_item_class = CityRatesMenuItem

    def get_urlpatterns(self):
        return [
            path("", CityRatesView.as_view(), name="index"),
            path("export.xlsx", CityRatesExportView.as_view(), name="export"),
        ]


@hooks.register("register_admin_viewset")
def register_city_rates():
    return CityRatesViewSet()


class CityRatePanel(Component):
    """The city's current rate against the target, on the admin dashboard."""

    name = "city_rate"
    template_name = "education/dashboards/city_rate_panel.html"
    order = 90

    def __init__(self, request: HttpRequest):
        self.request = request

    def render_html(self, parent_context=None):
        if not is_city_admin(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        period = Period.objects.current()
        summary = city_summary(period, site_target(self.request)) if period else None
        return {
            "period": period,
            "summary": summary,
            "rates_url": reverse("city_rates:index"),
            "request": self.request,
        }


@hooks.register("construct_homepage_panels")
def add_city_rate_panel(request, panels):
    panels.append(CityRatePanel(request))
