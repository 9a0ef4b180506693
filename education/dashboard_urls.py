"""The rate dashboards of schools and districts, and their spreadsheets."""

from django.urls import path

from education import dashboard_views

urlpatterns = [
    path("school/<int:school_id>/", dashboard_views.school_dashboard, name="school_dashboard"),
    path(
        "school/<int:school_id>/export.xlsx",
        dashboard_views.school_export,
        name="school_dashboard_export",
    ),
    path(
        "district/<int:district_id>/",
        dashboard_views.district_dashboard,
        name="district_dashboard",
    ),
    path(
        "district/<int:district_id>/export.xlsx",
        dashboard_views.district_export,
        name="district_dashboard_export",
    ),
]
