from django.urls import include, path

from booking import checkin_urls, lecturer_urls, visit_urls

app_name = "booking"

urlpatterns = [
    path("checkin/", include(checkin_urls)),
    path("lecturers/", include(lecturer_urls)),
    path("", include(visit_urls)),
]
