"""A view that never looks at the form it is sent and one that reads its upload, both exempt
from the CSRF check (which reads the form), with the site's own URLs behind them."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def ignores_the_body(request):
    return HttpResponse("ignored")


@csrf_exempt
def reads_the_upload(request):
    return HttpResponse(request.FILES["file"].name)


urlpatterns = [
    path("body/ignored/", ignores_the_body),
    path("body/read/", reads_the_upload),
    path("", include("config.urls")),
]
