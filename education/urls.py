"""The site's school, dashboard and quiz pages outside the Wagtail page tree."""

from django.urls import include, path

urlpatterns = [
    path("", include("education.quiz_urls")),
    path("", include("education.role_urls")),
    path("", include("education.dashboard_urls")),
    path("", include("education.roster_urls")),
]
