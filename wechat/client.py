"""The client for WeChat's Official Account API, built on wechatpy's WeChatClient.

What it changes from wechatpy: the access token comes from ``stable_token`` and is kept in
Django's default cache, so every process and machine uses the same token; it is fetched by
one caller at a time under a short cache lock; an invalid or expired token is refreshed once
for everybody and the call retried once (wechatpy would loop); every call has a timeout; the
API root is configurable (a local fake server in tests); failures raise ``WeChatError``.
"""

import functools
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext
from requests.adapters import HTTPAdapter
from wechatpy import WeChatClient

from wechat import conf
from wechat.errors import TOKEN_CODES, Category, NotConfigured, WeChatError

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 3.0
REFRESH_MARGIN = 300  # seconds before WeChat's expiry at which a new token is fetched
LOCK_SECONDS = 10
POLL_SECONDS = 0.05
POOL_SIZE = 64  # the outbox sends from a thread pool sharing one client
OFFICIAL_QR_IMAGE = "https://mp.weixin.qq.com/cgi-bin/showqrcode"
DUPLICATE_CLIENTMSGID = 45065


def get_client() -> "MpClient":
    """The client for the configured account (one per process and settings)."""
    if not conf.is_configured():
        raise NotConfigured
    return _client_for(conf.app_id(), conf.app_secret(), conf.api_root(), _read_timeout())


@functools.lru_cache(maxsize=4)
def _client_for(app_id: str, secret: str, api_root: str, read_timeout: float) -> "MpClient":
    return MpClient(app_id, secret, api_root=api_root, read_timeout=read_timeout)


def _read_timeout() -> float:
    return float(settings.WECHAT_HTTP_TIMEOUT)


class SharedValue:
    """A short-lived string every process shares through the cache, fetched by one at a time.

    ``fetch`` returns the value and its lifetime in seconds. A caller that found the value
    bad passes it as ``stale``: a new one is fetched only if the cache still holds that one,
    so many callers failing with the same value cause one fetch. When the cache is down the
    value is kept in this process instead.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.lock_key = f"{key}:lock"
        self._local_lock = threading.Lock()
        self._local: tuple[str, float] | None = None  # (value, monotonic expiry)

    def get(self, fetch: Callable[[], tuple[str, int]], stale: str | None = None) -> str:
        try:
            return self._get_shared(fetch, stale)
        except _CacheDown:
            return self._get_local(fetch, stale)

    def _get_shared(self, fetch: Callable[[], tuple[str, int]], stale: str | None) -> str:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            value = _cache_call(cache.get, self.key)
            if value and value != stale:
                return value
            if _cache_call(cache.add, self.lock_key, 1, LOCK_SECONDS):
                try:
                    value = _cache_call(cache.get, self.key)
                    if value and value != stale:
                        return value
                    return self._fetch_and_store(fetch)
                finally:
                    _cache_call(cache.delete, self.lock_key)
            if time.monotonic() > deadline:  # the lock holder seems stuck
                return self._fetch_and_store(fetch)
            time.sleep(POLL_SECONDS)

    def _fetch_and_store(self, fetch: Callable[[], tuple[str, int]]) -> str:
        value, lifetime = fetch()
        ttl = lifetime - REFRESH_MARGIN if lifetime > 2 * REFRESH_MARGIN else max(lifetime // 2, 1)
        self._local = (value, time.monotonic() + ttl)
        try:
            _cache_call(cache.set, self.key, value, ttl)
        except _CacheDown:
            pass
        return value

    def _get_local(self, fetch: Callable[[], tuple[str, int]], stale: str | None) -> str:
        with self._local_lock:
            if self._local:
                value, expires = self._local
                if value != stale and time.monotonic() < expires:
                    return value
            return self._fetch_and_store(fetch)


class _CacheDown(Exception):
    pass


def _cache_call(method: Callable, *args: Any) -> Any:
    try:
        return method(*args)
    except Exception as exc:  # any backend's connection error: Redis down must not stop sends
        logger.warning("Cache unavailable for the WeChat token: %s", exc)
        raise _CacheDown from exc


class MpClient(WeChatClient):
    """WeChat's Official Account API. Thread-safe; every method raises WeChatError on failure."""

    def __init__(
        self, appid: str, secret: str, *, api_root: str, read_timeout: float = 5.0
    ) -> None:
        timeout = (min(CONNECT_TIMEOUT, read_timeout), read_timeout)
        super().__init__(appid, secret, timeout=timeout, auto_retry=False)
        self.api_root = api_root.rstrip("/")
        self.API_BASE_URL = f"{self.api_root}/cgi-bin/"
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._token = SharedValue(f"wechat:access_token:{appid}")
        self._ticket = SharedValue(f"wechat:jsapi_ticket:{appid}")

    # --- access token -----------------------------------------------------------------------

    @property
    def access_token(self) -> str:
        return self._token.get(self._fetch_token)

    def fetch_access_token(self, force_refresh: bool = False) -> dict:
        """WeChat's answer to ``stable_token``: the same token while it is valid, unless forced."""
        body = {
            "grant_type": "client_credential",
            "appid": self.appid,
            "secret": self.secret,
            "force_refresh": force_refresh,
        }
        result = self._send("post", f"{self.api_root}/cgi-bin/stable_token", data=body, params={})
        if not isinstance(result, dict) or "access_token" not in result:
            raise _unreadable()
        return result

    def _fetch_token(self, force_refresh: bool = False) -> tuple[str, int]:
        result = self.fetch_access_token(force_refresh)
        return result["access_token"], int(result.get("expires_in", 7200))

    def _refresh_token(self, failed: str) -> str:
        # Forced, since WeChat refused the token stable_token gave; shared, so it happens once.
        return self._token.get(lambda: self._fetch_token(force_refresh=True), stale=failed)

    # --- transport --------------------------------------------------------------------------

    def _request(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        params = dict(kwargs.pop("params", None) or {})
        if "access_token" in params:
            return self._send(method, url_or_endpoint, params=params, **kwargs)
        token = self.access_token
        try:
            authed = {**params, "access_token": token}
            return self._send(method, url_or_endpoint, params=authed, **kwargs)
        except WeChatError as exc:
            if exc.code not in TOKEN_CODES:
                raise
            logger.info("WeChat refused the access token (%s); refreshing it once", exc.code)
        params["access_token"] = self._refresh_token(token)
        return self._send(method, url_or_endpoint, params=params, **kwargs)

    def _send(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        if url_or_endpoint.startswith(("http://", "https://")):
            url = url_or_endpoint
        else:
            url = kwargs.pop("api_base_url", self.API_BASE_URL) + url_or_endpoint
        if isinstance(kwargs.get("data"), dict):
            kwargs["data"] = json.dumps(kwargs["data"], ensure_ascii=False).encode("utf-8")
        result_processor = kwargs.pop("result_processor", None)
        kwargs.setdefault("timeout", self.timeout)
        try:
            response = self._http.request(method=method, url=url, **kwargs)
        except requests.RequestException as exc:
            raise WeChatError(None, gettext("无法连接微信接口：%s") % type(exc).__name__) from exc
        if response.status_code >= 500:
            raise WeChatError(None, gettext("微信接口暂时不可用（HTTP %s）") % response.status_code)
        if response.status_code >= 400:
            message = gettext("微信接口拒绝了请求（HTTP %s）") % response.status_code
            raise WeChatError(None, message, Category.OTHER)
        result = self._decode_result(response)
        if isinstance(result, dict) and int(result.get("errcode") or 0) != 0:
            code = int(result["errcode"])
            raise WeChatError(code, str(result.get("errmsg", code)), result=result)
        return result_processor(result) if result_processor else result

    def _call(self, method: str, endpoint: str, **kwargs: Any) -> dict:
        """A call whose answer must be a JSON object (a proxy's error page is not)."""
        result = self._request(method, endpoint, **kwargs)
        if not isinstance(result, dict):
            raise _unreadable()
        return result

    # --- the API the platform uses ----------------------------------------------------------

    def send_template(
        self,
        openid: str,
        template_id: str,
        data: dict[str, str],
        url: str = "",
        client_msg_id: str = "",
    ) -> str:
        """A template message (2023 rules: no first/remark, no colours); returns its msgid."""
        body: dict[str, Any] = {
            "touser": openid,
            "template_id": template_id,
            "data": _values(data),
        }
        if url:
            body["url"] = url
        if client_msg_id:
            body["client_msg_id"] = client_msg_id
        return str(self._call("post", "message/template/send", data=body)["msgid"])

    def send_subscribe(
        self, openid: str, template_id: str, data: dict[str, str], page: str = ""
    ) -> None:
        """A 订阅通知, which needs the user's opt-in for that template."""
        body: dict[str, Any] = {"touser": openid, "template_id": template_id, "data": _values(data)}
        if page:
            body["page"] = page
        self._call("post", "message/subscribe/bizsend", data=body)

    def send_text(self, openid: str, text: str) -> None:
        """A 客服消息 (only within 48 hours of the user's last interaction)."""
        body = {"touser": openid, "msgtype": "text", "text": {"content": text}}
        self._call("post", "message/custom/send", data=body)

    def mass_send_text(self, openids: list[str], text: str, clientmsgid: str) -> str:
        """A mass text to 2–10,000 followers; a repeated clientmsgid returns the first msg_id."""
        body = {
            "touser": list(openids),
            "msgtype": "text",
            "text": {"content": text},
            "clientmsgid": clientmsgid,
            "send_ignore_reprint": 0,
        }
        try:
            result = self._call("post", "message/mass/send", data=body)
        except WeChatError as exc:
            if exc.code != DUPLICATE_CLIENTMSGID or "msg_id" not in exc.result:
                raise
            result = exc.result
        return str(result["msg_id"])

    def create_menu(self, menu: dict) -> None:
        self._call("post", "menu/create", data=menu)

    def create_scene_qrcode(self, scene: str, expire_seconds: int) -> str:
        """A temporary QR code carrying ``scene``; returns the URL of its image."""
        body = {
            "expire_seconds": expire_seconds,
            "action_name": "QR_STR_SCENE",
            "action_info": {"scene": {"scene_str": scene}},
        }
        ticket = self._call("post", "qrcode/create", data=body)["ticket"]
        image = OFFICIAL_QR_IMAGE
        if self.api_root != conf.OFFICIAL_API_ROOT:
            image = f"{self.api_root}/cgi-bin/showqrcode"
        return f"{image}?ticket={quote(ticket, safe='')}"

    def jsapi_ticket(self) -> str:
        """The JS-SDK ticket, shared by all processes like the access token."""
        return self._ticket.get(self._fetch_ticket)

    def _fetch_ticket(self) -> tuple[str, int]:
        result = self._call("get", "ticket/getticket", params={"type": "jsapi"})
        return result["ticket"], int(result.get("expires_in", 7200))

    def user_info(self, openid: str) -> dict:
        return self._call("get", "user/info", params={"openid": openid, "lang": "zh_CN"})


def _unreadable() -> WeChatError:
    return WeChatError(None, gettext("微信接口返回了无法识别的内容"))


def _values(data: dict[str, str]) -> dict[str, dict[str, str]]:
    return {key: {"value": value} for key, value in data.items()}
