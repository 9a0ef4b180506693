"""A code or token with a NUL byte (which PostgreSQL refuses in a query) is a 404 on every
page that takes one, never a server error."""

import pytest

from tests.booking_factories import book_public

BAD = "AB%00CD"
BOOKING_PAGES = [
    ("get", f"/visit/booking/{BAD}/"),
    ("get", f"/visit/booking/{BAD}.ics"),
    ("get", f"/visit/booking/{BAD}/qr.svg"),
    ("get", f"/visit/booking/{BAD}/qr.png"),
    ("post", f"/visit/booking/{BAD}/cancel/"),
    ("post", f"/visit/booking/{BAD}/change/"),
    ("get", f"/visit/waitlist/{BAD}/"),
    ("post", f"/visit/waitlist/{BAD}/"),
    ("post", f"/visit/waitlist/{BAD}/withdraw/"),
    ("get", f"/visit/checkin/{BAD}/"),
]


@pytest.mark.parametrize(("method", "url"), BOOKING_PAGES)
def test_a_visitor_gets_not_found(client, visits, method, url):
    book_public(visits.slot, visits.visitor)
    client.force_login(visits.visitor)
    assert getattr(client, method)(url).status_code == 404


@pytest.mark.parametrize("persona", ["staff", "manager"])
def test_staff_get_not_found_from_the_booking_and_check_in_pages(client, visits, persona):
    client.force_login(getattr(visits, persona))
    assert client.get(f"/visit/booking/{BAD}/").status_code == 404
    response = client.get(f"/visit/checkin/{BAD}/")
    assert response.status_code == 404
    assert "booking/checkin/not_found.html" in [t.name for t in response.templates]
