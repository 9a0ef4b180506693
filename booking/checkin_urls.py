from django.urls import path

from booking import checkin_views

urlpatterns = [
    path("", checkin_views.checkin, name="checkin"),
    path("<str:code>/", checkin_views.checkin_booking, name="checkin_booking"),
]
