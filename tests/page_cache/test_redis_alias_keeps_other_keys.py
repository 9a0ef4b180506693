"""In production the pages live in Redis under a key prefix of their own: renewing them
leaves every other key (rate limits, the WeChat token, sessions) where it was."""

import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from education.page_cache import HEADER, invalidate
from tests.test_database_settings import run

pytestmark = pytest.mark.django_db

SHARED_REDIS = "redis://127.0.0.1:6379/0"


def test_with_redis_the_pages_alias_is_the_site_cache_with_its_own_prefix():
    out = run(
        "default, pages = settings.CACHES['default'], settings.CACHES['pages']; "
        "print(pages['BACKEND'] == default['BACKEND'], pages['LOCATION'], pages['KEY_PREFIX'])",
        REDIS_URL="redis://127.0.0.1:6379/15",
        CACHE_KEY_PREFIX="jindu-a",
    )
    assert out.split() == ["True", "redis://127.0.0.1:6379/15", "jindu-a-pages"]


def test_renewing_the_pages_keeps_the_other_keys(client, article):
    prefix = f"jindu-test-{uuid.uuid4().hex[:12]}"
    redis = {"BACKEND": "config.cache.DegradingRedisCache", "LOCATION": SHARED_REDIS}
    aliases = {
        "default": {**redis, "KEY_PREFIX": prefix},
        "pages": {**redis, "KEY_PREFIX": f"{prefix}-pages"},
    }
    with override_settings(CACHES=aliases):
        try:
            caches["default"].set("wechat-token", "still-here", 60)
            client.get(article.url)
            assert client.get(article.url)[HEADER] == "hit"

            invalidate()

            assert client.get(article.url)[HEADER] == "miss"
            assert caches["default"].get("wechat-token") == "still-here"
        finally:
            caches["default"].delete("wechat-token")
            caches["pages"].delete("generation")
