from django.http import Http404


def callback(request):
    raise Http404
