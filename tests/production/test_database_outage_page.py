"""A view failing with the database down gets a polite Chinese 503 page with Retry-After,
rendered without asking the database again, and the error is logged once, not twice."""

import logging

import pytest

from config import db_outage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.production.outage_urls")]


@pytest.fixture(autouse=True)
def _traceback_not_yet_logged(monkeypatch):
    monkeypatch.setattr(db_outage, "_last_traceback", float("-inf"))


def test_503_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/outage/raises/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(db_outage.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "系统维护中，请稍后再试" in page
    assert "could not connect" not in page


def test_logged_once_with_the_traceback_then_briefly(client, caplog):
    with caplog.at_level(logging.WARNING):
        client.get("/outage/raises/")
        client.get("/outage/raises/")
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in records] == ["config.db_outage", "config.db_outage"]
    assert records[0].exc_info is not None
    assert records[1].exc_info is None
    assert "GET /outage/raises/" in records[1].getMessage()


def test_other_errors_are_not_hidden(client):
    client.raise_request_exception = False
    assert client.get("/no-such-page-here/").status_code == 404
