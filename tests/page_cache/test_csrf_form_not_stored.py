"""A page whose form needs a CSRF token is never stored: the token (and the cookie it comes
with) belongs to one visitor. Pages that are stored carry no token at all."""

from pathlib import Path

import pytest
from django.test import Client

from education.models import ArticlePage
from education.page_cache import HEADER

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def article_with_form(article, settings, monkeypatch):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], TEMPLATES]}]
    monkeypatch.setattr(ArticlePage, "template", "page_cache/article_with_form.html")
    return article


def test_a_page_with_a_csrf_form_is_rendered_for_each_visitor(article_with_form):
    tokens = set()
    for visitor in (Client(), Client()):
        for _ in range(2):
            response = visitor.get(article_with_form.url)
            assert HEADER not in response
            assert "csrfmiddlewaretoken" in response.content.decode()
        tokens.add(visitor.cookies["csrftoken"].value)
    assert len(tokens) == 2


def test_a_stored_page_carries_no_token_and_sets_no_cookie(client, article):
    client.get(article.url)
    response = client.get(article.url)
    assert response[HEADER] == "hit"
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "csrftoken" not in client.cookies
