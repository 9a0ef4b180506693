"""The site search repeats the query on its page as text, and the query never becomes
markup in the page's links (pagination, the search box)."""

import pytest
from django.urls import reverse

from tests.factories import add_article, build_site
from tests.security.xss_checks import PAYLOAD, assert_escaped, parsed

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    tree = build_site()
    for number in range(12):
        add_article(tree.news, f"禁毒宣传第{number}期", "<script>alert(1)</script>珍爱生命")
    return tree


def test_query_echo(client, site):
    assert_escaped(client.get(reverse("search"), {"q": PAYLOAD}))


def test_query_in_results_and_pages(client, site):
    response = client.get(reverse("search"), {"q": "珍爱生命 " + PAYLOAD[:20]})
    assert response.status_code == 200
    assert parsed(response.content.decode()).markup == []
    response = client.get(reverse("search"), {"q": "禁毒宣传"})
    assert_escaped(response)
