from django.http import Http404


def signature(request):
    raise Http404
