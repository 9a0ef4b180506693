"""「月度统计」 in the Wagtail admin: a month's visitor figures (booking/monthly_figures.py)
for every venue or one, with the 12-month trend and the districts as charts."""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from booking.admin_menus import GatedViewSet
from booking.booking_admin import LIST_ACTIONS
from booking.models import Booking, Venue
from booking.monthly_figures import month_figures, parse_month

# Whoever may list bookings may read their figures.
FIGURE_ACTIONS = LIST_ACTIONS


def chosen_venue(value: str | None, venues: list[Venue]) -> tuple[Venue | None, bool]:
    """The venue whose id is ``value``, or None (every venue); the flag says whether
    ``value`` was given but names no venue."""
    if not value:
        return None, False
    venue = next((venue for venue in venues if str(venue.pk) == value.strip()), None)
    return venue, venue is None


class FiguresView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Booking
    any_permission_required = FIGURE_ACTIONS
    template_name = "booking/admin/figures_index.html"
    page_title = gettext_lazy("月度参观统计")
    header_icon = "table"
    http_method_names = ["get", "head"]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        month, bad_month = parse_month(self.request.GET.get("month"), timezone.localdate())
        venues = list(Venue.objects.order_by("sort_order", "name"))
        venue, bad_venue = chosen_venue(self.request.GET.get("venue"), venues)
        return super().get_context_data(
            figures=month_figures(month, venue),
            venues=venues,
            bad_choice=bad_month or bad_venue,
            **kwargs,
        )


class FiguresViewSet(GatedViewSet):
    name = "booking_figures"
    url_prefix = "booking/figures"
    icon = "table"
    menu_label = gettext_lazy("月度统计")

    def may_open(self, user) -> bool:
        policy = policy_registry.get_by_type(Booking)
        return policy.user_has_any_permission(user, FIGURE_ACTIONS)

    def get_urlpatterns(self):
        return [path("", FiguresView.as_view(), name="index")]


figures_viewset = FiguresViewSet()
