"""The school roles pages (see education/role_views.py)."""

from django.urls import path

from education import role_views

urlpatterns = [
    path("my/", role_views.my_roles, name="my_roles"),
    path(
        "district/<int:district_id>/coordinators/",
        role_views.district_coordinators,
        name="district_coordinators",
    ),
]
