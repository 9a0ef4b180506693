"""A full or read-only disk met by a middleware (as when the CSRF check reads an upload
before any view runs) gets the "file not saved" page through handler500, logged once; other
OS errors there stay 500s."""

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def get_home_with(settings, middleware: str):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"tests.production.outage_middleware.{middleware}"]
    return Client(raise_request_exception=False).get("/")


@pytest.mark.parametrize(
    ("middleware", "status", "message"),
    [
        ("DiskFullMiddleware", 507, "存储空间已满"),
        ("ReadOnlyDiskMiddleware", 503, "存储目录不可写"),
    ],
)
def test_file_not_saved_page(settings, middleware, status, message):
    response = get_home_with(settings, middleware)

    assert response.status_code == status
    page = response.content.decode()
    assert "文件没有保存" in page
    assert message in page
    assert "系统维护中" not in page


def test_logged_once(settings, caplog):
    with caplog.at_level(logging.WARNING):
        get_home_with(settings, "DiskFullMiddleware")
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in records] == ["config.storage"]
    assert records[0].exc_info is not None


def test_other_os_errors_stay_500(settings):
    response = get_home_with(settings, "MissingFileMiddleware")
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务暂时不可用" in page
    assert "文件没有保存" not in page
