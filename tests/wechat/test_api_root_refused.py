"""A custom API root would send the account's secret elsewhere: refused outside DEBUG."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

from wechat import conf
from wechat.client import get_client


@pytest.fixture
def production_with_custom_root(settings):
    settings.DEBUG = False
    settings.WECHAT_ALLOW_API_ROOT = False
    settings.WECHAT_APP_ID = "wx0123456789abcdef"
    settings.WECHAT_APP_SECRET = "secret"
    settings.WECHAT_API_ROOT = "http://127.0.0.1:8100"
    return settings


def test_api_root_raises(production_with_custom_root):
    with pytest.raises(ImproperlyConfigured):
        conf.api_root()
    with pytest.raises(ImproperlyConfigured):
        get_client()


def test_system_check_reports_it(production_with_custom_root):
    assert "wechat.E001" in [message.id for message in run_checks()]


def test_allowed_explicitly(production_with_custom_root):
    production_with_custom_root.WECHAT_ALLOW_API_ROOT = True
    assert conf.api_root() == "http://127.0.0.1:8100"
    assert "wechat.E001" not in [message.id for message in run_checks()]
    assert get_client().API_BASE_URL == "http://127.0.0.1:8100/cgi-bin/"


def test_official_root_by_default(settings):
    settings.DEBUG = False
    settings.WECHAT_API_ROOT = ""
    assert conf.api_root() == "https://api.weixin.qq.com"
    assert "wechat.E001" not in [message.id for message in run_checks()]
