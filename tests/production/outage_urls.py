"""Views that fail as they would while the database is down, with the site's own URLs."""

from django.db import OperationalError
from django.http import HttpResponse
from django.urls import include, path

from tests.production.unreachable import unreachable_database


def raises(request):
    raise OperationalError("could not connect to server")


def queries_an_unreachable_database(request):
    with unreachable_database().cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("unreachable")


urlpatterns = [
    path("outage/raises/", raises),
    path("outage/unreachable/", queries_an_unreachable_database),
    path("", include("config.urls")),
]
