from django.http import Http404


def account(request):
    raise Http404
