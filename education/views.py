from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100


@require_safe
def search(request):
    """Site search over every live public page; works for words inside Chinese sentences."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        found = Page.objects.live().public().specific().search(query)
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "education/search.html", {"search_query": query, "results": results}
    )


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
