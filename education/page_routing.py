"""Finding the page an address names in one query instead of one per level.

Wagtail routes ``/news/2026/article/`` level by level: each page fetches the child with the
next slug and turns it into its specific class, two queries a level. A page's ``url_path``
already spells its slugs from the site's root, so the deepest page whose ``url_path`` is a
prefix of the address is found at once; that page then routes what remains of the address
itself (a page with sub-addresses of its own still gets them, an unknown rest is a 404), and
checks that it is live, as Wagtail's own ``route`` does.

Two things this relies on, each pinned by a test: ``url_path`` is right (Wagtail keeps it so
on every save and move; ``manage.py set_url_paths`` repairs it after a bulk ``update()`` of
slugs), and no page model but the home page overrides ``route``, since the pages between the
home page and the deepest one are not asked.
"""

from django.http import Http404
from wagtail.models import Page


def route_from(root: Page, request, path_components: list[str]):
    """Wagtail's ``Page.route`` result for ``path_components`` below ``root``."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    deepest = (
        # The slugs narrow the candidates through their index before url_path is compared.
        Page.objects.filter(
            path__startswith=root.path, slug__in=set(path_components), url_path__in=prefixes
        )
        .order_by("-depth")
        .first()
    )
    if deepest is None:
        raise Http404
    return deepest.specific.route(request, path_components[deepest.depth - root.depth :])
