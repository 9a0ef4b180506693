"""A view whose database cannot be reached at all (a real connection attempt to a place with
no database) gets the 503 page."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.production.outage_urls")]


def test_503_page(client):
    response = client.get("/outage/unreachable/")
    assert response.status_code == 503
    assert "系统维护中，请稍后再试" in response.content.decode()
