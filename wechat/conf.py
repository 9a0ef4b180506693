"""The WeChat settings, read when needed so that tests can override them."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

OFFICIAL_API_ROOT = "https://api.weixin.qq.com"


def app_id() -> str:
    return settings.WECHAT_APP_ID


def app_secret() -> str:
    return settings.WECHAT_APP_SECRET


def is_configured() -> bool:
    """True when the platform may call WeChat's API (it has the account's ID and secret)."""
    return bool(settings.WECHAT_APP_ID and settings.WECHAT_APP_SECRET)


def callback_token() -> str:
    return settings.WECHAT_TOKEN


def encoding_aes_key() -> str:
    """Set in safe mode: callback messages arrive encrypted and replies leave encrypted."""
    return settings.WECHAT_ENCODING_AES_KEY


def api_root() -> str:
    """WeChat's API, or a local fake server in development and tests (see checks.py)."""
    if not settings.WECHAT_API_ROOT:
        return OFFICIAL_API_ROOT
    if not (settings.DEBUG or settings.WECHAT_ALLOW_API_ROOT):
        raise ImproperlyConfigured("WECHAT_API_ROOT is only allowed with DJANGO_DEBUG=true.")
    return settings.WECHAT_API_ROOT.rstrip("/")


def api_root_is_custom() -> bool:
    return bool(settings.WECHAT_API_ROOT)
