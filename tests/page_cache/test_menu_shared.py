"""The main menu is the same on every page for everyone: it is kept with the cached pages
and read from there, also by signed-in visitors, until public content changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import ArticleIndexPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def menu_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    in_menu = 'AND "wagtailcore_page"."show_in_menus"'  # the menu's filter, not a column
    menu = [query for query in queries.captured_queries if in_menu in query["sql"]]
    return response, len(menu)


def test_a_signed_in_reader_gets_the_menu_without_querying(client, article):
    client.force_login(make_user())
    _, first = menu_queries(client, article.url)
    response, second = menu_queries(client, article.url)
    assert (first, second) == (1, 0)
    assert "禁毒资讯" in response.content.decode()


def test_a_new_section_shows_in_the_menu_at_once(client, article, tree):
    client.force_login(make_user())
    menu_queries(client, article.url)
    tree.home.add_child(instance=ArticleIndexPage(title="法治宣传", slug="law", show_in_menus=True))
    response, queried = menu_queries(client, article.url)
    assert queried == 1
    assert "法治宣传" in response.content.decode()
