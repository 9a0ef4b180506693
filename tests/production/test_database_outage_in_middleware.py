"""A database error raised by a middleware (before any view runs) also gets the 503 page,
not the 500 page, rendered without asking the database and logged as an outage; other
errors there stay 500s."""

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def get_home_with(settings, middleware: str):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"tests.production.outage_middleware.{middleware}"]
    return Client(raise_request_exception=False).get("/")


@pytest.mark.parametrize("middleware", ["DatabaseDownMiddleware", "DriverDownMiddleware"])
def test_503_page(settings, django_assert_num_queries, middleware):
    with django_assert_num_queries(0):
        response = get_home_with(settings, middleware)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "系统维护中，请稍后再试" in response.content.decode()


def test_logged_once_as_an_outage(settings, caplog):
    with caplog.at_level(logging.WARNING):
        get_home_with(settings, "DatabaseDownMiddleware")
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in records] == ["config.db_outage"]
    assert "GET / (OperationalError)" in records[0].getMessage()


def test_other_errors_stay_500(settings):
    response = get_home_with(settings, "BrokenMiddleware")
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务暂时不可用" in page
    assert "系统维护中" not in page
