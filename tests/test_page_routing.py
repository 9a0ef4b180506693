"""The home page finds the page an address names in one query (education/page_routing.py)
and routes as Wagtail's level-by-level walk does (url_path being right, as Wagtail keeps it): the
same page, or the same 404."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, get_page_models

from education.models import HomePage
from tests.factories import add_article, add_drug_fact, build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    site = build_site()
    site.article = add_article(site.news, "合成毒品的伪装", "正文。")
    site.withdrawn = add_article(site.news, "已撤回的报道", "正文。")
    site.withdrawn.unpublish()
    site.fact = add_drug_fact(site.drug_facts, "冰毒")
    return site


def walked(home, components):
    """Wagtail's own routing, level by level, or Http404."""
    request = RequestFactory().get("/")
    try:
        return Page.route(home, request, components).page.pk
    except Http404:
        return Http404


def found(home, components):
    request = RequestFactory().get("/")
    try:
        return home.route(request, components).page.pk
    except Http404:
        return Http404


def addresses(tree):
    pages = [tree.article, tree.withdrawn, tree.fact, tree.news, tree.drug_facts]
    known = [page.url_path.removeprefix(tree.home.url_path).strip("/").split("/") for page in pages]
    unknown = [
        ["news", "no-such-article"],
        ["no-such-section"],
        ["news", tree.article.slug, "extra"],
        [tree.article.slug],
        ["news", "news"],
    ]
    return known + unknown


def test_same_answer_as_wagtails_walk(tree):
    for components in addresses(tree):
        assert found(tree.home, components) == walked(tree.home, components), components


def test_an_article_under_an_unpublished_section_still_opens(tree):
    # Wagtail routes through a section that is not live: only the page served must be.
    tree.news.unpublish()
    components = ["news", tree.article.slug]
    assert found(tree.home, components) == walked(tree.home, components) == tree.article.pk


def test_a_deep_address_costs_the_same_queries_as_a_shallow_one(tree, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(2):  # the deepest page, then its specific class
        tree.home.route(request, ["news", tree.article.slug])
    with django_assert_num_queries(2):
        tree.home.route(request, ["news"])


def test_served_over_http(tree, client):
    response = client.get(tree.article.url)
    assert response.status_code == 200
    assert "合成毒品的伪装" in response.content.decode()
    assert client.get(tree.withdrawn.url).status_code == 404


def test_no_page_below_the_home_page_routes_by_itself():
    # The sections between the home page and the page served are not asked to route.
    overriding = [m for m in get_page_models() if m is not HomePage and m.route is not Page.route]
    assert overriding == []
