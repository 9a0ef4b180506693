from django.urls import path

from booking import lecturer_views

urlpatterns = [
    path("", lecturer_views.lecturer_requests_page, name="lecturer_requests"),
    path("new/", lecturer_views.new_request, name="lecturer_request_new"),
    path("<int:pk>/", lecturer_views.request_detail, name="lecturer_request"),
    path("<int:pk>/cancel/", lecturer_views.cancel, name="lecturer_request_cancel"),
    path("<int:pk>/report/", lecturer_views.report, name="lecturer_report"),
]
