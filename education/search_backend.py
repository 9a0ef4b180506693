"""Wagtail's database search backend with queries rewritten for Chinese text.

Settings point ``WAGTAILSEARCH_BACKENDS`` here; index text comes from the fields in
``education.chinese_search``.
"""

from functools import cache

from modelsearch.backends.database import SearchBackend as database_backend

from education.chinese_search import rewrite_autocomplete, rewrite_search


class ChineseQueryMixin:
    def search(self, query, *args, **kwargs):
        return super().search(rewrite_search(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(rewrite_autocomplete(query), *args, **kwargs)


@cache
def _chinese(backend_class: type) -> type:
    return type(f"Chinese{backend_class.__name__}", (ChineseQueryMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The vendor's database backend (SQLite FTS5, PostgreSQL, …) with Chinese queries."""
    backend = database_backend(params)
    backend.__class__ = _chinese(type(backend))
    return backend
