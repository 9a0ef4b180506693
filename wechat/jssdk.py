"""The JS-SDK signature that lets pages inside WeChat's browser set their share cards."""

import hashlib
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, JsonResponse
from django.http.request import split_domain_port, validate_host
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wechat import conf
from wechat.client import get_client
from wechat.errors import NotConfigured, WeChatError

logger = logging.getLogger(__name__)

MAX_URL_LENGTH = 2000


def sign(ticket: str, noncestr: str, timestamp: int | str, url: str) -> str:
    """WeChat's JS-SDK signature of a page URL (the part before ``#``)."""
    url = url.split("#", 1)[0]
    text = f"jsapi_ticket={ticket}&noncestr={noncestr}&timestamp={timestamp}&url={url}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 (WeChat's algorithm)


@require_safe
def signature(request: HttpRequest) -> JsonResponse:
    """GET ?url=<page URL>: the config the page passes to ``wx.config``."""
    page_url = request.GET.get("url", "").split("#", 1)[0]
    if not _is_own_page(request, page_url):
        return _answer({"error": _("页面地址无效：只能为本站的 http 或 https 页面签名。")}, 400)
    try:
        ticket = get_client().jsapi_ticket()
    except (NotConfigured, ImproperlyConfigured):
        return _answer({"error": _("微信未配置")}, 503)
    except WeChatError as exc:
        logger.warning("JS-SDK ticket unavailable: %s", exc)
        return _answer({"error": _("暂时无法获取微信 JS-SDK 凭证，请稍后再试。")}, 503)
    nonce = get_random_string(16)
    timestamp = int(time.time())
    return _answer(
        {
            "appId": conf.app_id(),
            "timestamp": timestamp,
            "nonceStr": nonce,
            "signature": sign(ticket, nonce, timestamp, page_url),
        }
    )


def _is_own_page(request: HttpRequest, url: str) -> bool:
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError on a malformed port)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if ":" in host:
        host = f"[{host}]"
    own_host = split_domain_port(request.get_host())[0]
    return host == own_host or validate_host(host, settings.ALLOWED_HOSTS)


def _answer(payload: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response
