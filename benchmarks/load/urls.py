"""The project's URLs plus, for comparison, a constant page served through the same
middleware (``/bench/constant/``) and the single-INSERT view of the quiz benchmark."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from benchmarks.insert_view import urlpatterns as insert_urlpatterns
from config.urls import handler500  # noqa: F401 -- the project's pages for a database or disk failure

BODY = "<!doctype html><title>constant</title><p>" + "禁毒" * 2000 + "</p>"


@require_safe
def constant(request):
    return HttpResponse(BODY)


urlpatterns = [path("bench/constant/", constant, name="bench_constant"), *insert_urlpatterns]
