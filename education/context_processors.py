from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().public().in_menu())


def navigation(request):
    """The main menu (the home page's children marked "show in menus") and the same pages by
    model name (``sections.articleindexpage``), for "more" links; queried only if used."""
    menu = SimpleLazyObject(lambda: _menu_pages(request))
    sections = SimpleLazyObject(lambda: {page.cached_content_type.model: page for page in menu})
    return {"menu_pages": menu, "sections": sections}
