from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().public().in_menu())


def navigation(request):
    """The main menu: the home page's children marked "show in menus"; queried only if used."""
    return {"menu_pages": SimpleLazyObject(lambda: _menu_pages(request))}
