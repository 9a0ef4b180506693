"""The printable join sheet shows the school's join link, as text and as a QR code drawn
inline as SVG, and a card per class with its code. Its query count is pinned."""

import pytest
import segno
from django.urls import reverse

from tests.school_factories import make_class

pytestmark = pytest.mark.django_db

# Session, user, the user's permissions (own and groups'), the school, its classes, and the
# four queries of the site shell.
QUERIES = 10


def test_the_join_sheet(client, schools, django_assert_num_queries):
    second = make_class(schools.school_a, 8, "2班")
    client.force_login(schools.coordinator_a)
    url = reverse("school_join_sheet", args=[schools.school_a.pk])
    client.get(url)
    with django_assert_num_queries(QUERIES):
        html = client.get(url).content.decode()

    join = f"http://testserver/join/{schools.school_a.join_token}/"
    assert join == "http://testserver" + reverse("join_school", args=[schools.school_a.join_token])
    assert f'<span class="join-link">{join}</span>' in html
    qr = segno.make(join, error="m").svg_inline(scale=4, border=2, omitsize=True)
    assert qr in html
    assert "http://testserver/join/ 输入班级码" in html
    for school_class in (schools.class_a, second):
        assert f'<p class="join-card-code">{school_class.code}</p>' in html
    assert schools.class_b.code not in html
    assert "<script>" not in html
