from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Site

from education.page_cache import shared_value
from education.roles import has_school_role


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    key = f"menu:{site.pk}:{get_language()}"
    return shared_value(key, lambda: list(site.root_page.get_children().live().public().in_menu()))


def navigation(request):
    """The main menu (the home page's children marked "show in menus") and the same pages by
    model name (``sections.articleindexpage``), for "more" links; queried only if used."""
    menu = SimpleLazyObject(lambda: _menu_pages(request))
    sections = SimpleLazyObject(lambda: {page.cached_content_type.model: page for page in menu})
    return {"menu_pages": menu, "sections": sections}


def school_roles(request):
    """Whether to show the 「我的学校」 link: one query, only if a template asks and only once
    per request. A view that already knows may pass ``has_school_role`` itself."""
    user = getattr(request, "user", None)
    if user is None:
        return {"has_school_role": False}
    return {"has_school_role": SimpleLazyObject(lambda: has_school_role(user))}
