"""A local fake of WeChat's Official Account API: a real threaded HTTP server for tests and demos.

It speaks JSON like WeChat, issues and checks access tokens, records every call and plays
scripted failures::

    with FakeWeChat() as fake:
        fake.fail_next("/cgi-bin/message/template/send", 45009, "timeout", 503)
        ...  # point WECHAT_API_ROOT at fake.url
        fake.calls_to("/cgi-bin/message/template/send")

Scripted outcomes (``fail_next``) are consumed one per call to that exact path, before any
other check: an errcode (e.g. -1, 40001, 45009) answers ``{"errcode": n, "errmsg": ...}``; an
int from 500 to 599 answers that HTTP status; ``"timeout"`` holds the answer for
``timeout_delay`` seconds (longer than the client's read timeout) and then handles the request
normally, as WeChat may still act on a request whose answer the client gave up on; ``"html"``
answers 200 with an HTML page, as a proxy in between might.
"""

import itertools
import json
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DEFAULT_APP_ID = "wx0123456789abcdef"
DEFAULT_APP_SECRET = "fake-app-secret-0123456789abcdef"

TEMPLATE_SEND = "/cgi-bin/message/template/send"
SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/bizsend"
CUSTOM_SEND = "/cgi-bin/message/custom/send"
MASS_SEND = "/cgi-bin/message/mass/send"
SEND_PATHS = frozenset({TEMPLATE_SEND, SUBSCRIBE_SEND, CUSTOM_SEND, MASS_SEND})

ERRMSGS = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40003: "invalid openid",
    40013: "invalid appid",
    40014: "invalid access_token",
    40029: "invalid code",
    40037: "invalid template_id",
    40097: "invalid args",
    40125: "invalid appsecret",
    40130: "invalid openid list size, at least two openid",
    40163: "code been used",
    41001: "access_token missing",
    42001: "access_token expired",
    43004: "require subscribe",
    43101: "user refuse to accept the msg",
    45009: "reach max api daily quota limit",
    45011: "api minute-quota reach limit",
    45065: "clientmsgid exist",
    47001: "data format error",
    47003: "argument invalid!",
    48001: "api unauthorized",
    48002: "user block the message",
}

_HTML_PAGE = b"<html><body>502 Bad Gateway</body></html>"

# A 1x1 transparent PNG, served as the "QR code image" of the fake showqrcode endpoint.
_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@dataclass(slots=True)
class Call:
    """One request the fake received; ``status`` and ``response`` are filled once answered."""

    path: str
    method: str
    query: dict[str, str]
    body: Any
    time: float
    status: int = 0
    response: dict | None = None


@dataclass
class _Token:
    expires_at: float
    expired: bool = False


@dataclass
class _Answer:
    payload: dict | bytes
    status: int = 200
    content_type: str = "application/json; encoding=utf-8"


def error(code: int) -> dict:
    return {"errcode": code, "errmsg": ERRMSGS.get(code, "error")}


class FakeWeChat:
    """The fake server. All public attributes may be changed by tests while it runs."""

    def __init__(
        self,
        app_id: str = DEFAULT_APP_ID,
        app_secret: str = DEFAULT_APP_SECRET,
        *,
        port: int = 0,
        latency: float = 0.0,
        timeout_delay: float = 6.0,
    ) -> None:
        self.app_id = app_id
        self.app_secret = app_secret
        self.latency = latency  # seconds added to every answer
        self.timeout_delay = timeout_delay  # how long a scripted "timeout" holds its answer
        self.down = False  # when True, every connection is closed without an answer
        self.token_ttl = 7200
        self.unfollowed: set[str] = set()  # openids answered 43004
        self.sns_users: dict[str, dict] = {}  # OAuth code -> user info (with "openid")
        self.users: dict[str, dict] = {}  # extra user/info fields by openid
        self.calls: list[Call] = []
        self.delivered: list[Call] = []  # sends WeChat accepted, duplicates left out
        self.tokens_issued: list[str] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._scripts: dict[str, deque] = defaultdict(deque)
        self._tokens: dict[str, _Token] = {}
        self._stable_token: str | None = None
        self._jsapi_ticket: tuple[str, float] | None = None
        self._sns_tokens: dict[str, str] = {}  # OAuth access token -> code
        self._template_keys: dict[tuple[str, str], str] = {}  # (openid, client_msg_id) -> msgid
        self._mass_keys: dict[str, dict] = {}  # clientmsgid -> answer
        self._ids = itertools.count(1_000_000_001)
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.fake = self
        self._thread: threading.Thread | None = None

    # --- life cycle -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeWeChat":
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeWeChat":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # --- test controls ----------------------------------------------------------------------

    def fail_next(self, path: str, *responses: int | str) -> None:
        """Queue scripted outcomes for the next calls to ``path`` (e.g. "/cgi-bin/token")."""
        with self._lock:
            self._scripts[path].extend(responses)

    def expire_tokens(self) -> None:
        """Every access token issued so far is now answered 42001 (and the JS-SDK ticket dies)."""
        with self._lock:
            for token in self._tokens.values():
                token.expired = True
            self._stable_token = None
            self._jsapi_ticket = None

    def calls_to(self, path: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.path == path]

    def delivered_to(self, path: str) -> list[Call]:
        with self._lock:
            return [call for call in self.delivered if call.path == path]

    @property
    def template_sends(self) -> list[Call]:
        return self.calls_to(TEMPLATE_SEND)

    def valid_token(self) -> str | None:
        """The token stable_token would return now, if any."""
        with self._lock:
            return self._current_stable_token()

    # --- request handling (called from the server's threads) --------------------------------

    def handle(self, method: str, target: str, raw_body: bytes) -> _Answer:
        """Record one request and work out its answer."""
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body = _parse_json(raw_body)
        call = Call(parts.path, method, query, body, time.time())
        with self._lock:
            self.calls.append(call)
            script = self._scripts.get(parts.path)
            scripted = script.popleft() if script else None
        if self.latency:
            self._stopping.wait(self.latency)
        if scripted == "timeout":
            self._stopping.wait(self.timeout_delay)
            scripted = None
        if scripted == "html":
            answer = _Answer(_HTML_PAGE, content_type="text/html; charset=utf-8")
        elif isinstance(scripted, int) and 500 <= scripted <= 599:
            answer = _Answer({"errcode": -1, "errmsg": "system error"}, status=scripted)
        elif isinstance(scripted, int):
            answer = _Answer(error(scripted))
        else:
            answer = self._route(call)
        call.status = answer.status
        call.response = answer.payload if isinstance(answer.payload, dict) else None
        return answer

    def _route(self, call: Call) -> _Answer:
        if call.path.startswith("/sns/"):
            return self._sns(call)
        if call.path == "/cgi-bin/stable_token":
            return _Answer(self._stable(call.body))
        if call.path == "/cgi-bin/token":
            return _Answer(self._legacy_token(call.query))
        if call.path == "/cgi-bin/showqrcode":
            return _Answer(_PIXEL_PNG, content_type="image/png")
        handler = self._api_handlers().get((call.method, call.path))
        if handler is None:
            return _Answer({"errcode": 404, "errmsg": "api not found"}, status=404)
        problem = self._check_token(call.query.get("access_token"))
        if problem:
            return _Answer(error(problem))
        if call.method == "POST" and not isinstance(call.body, dict):
            return _Answer(error(47001))
        return _Answer(handler(call))

    def _api_handlers(self) -> dict:
        return {
            ("POST", TEMPLATE_SEND): self._template_send,
            ("POST", SUBSCRIBE_SEND): self._simple_send,
            ("POST", CUSTOM_SEND): self._simple_send,
            ("POST", MASS_SEND): self._mass_send,
            ("POST", "/cgi-bin/menu/create"): self._menu_create,
            ("POST", "/cgi-bin/qrcode/create"): self._qrcode_create,
            ("GET", "/cgi-bin/ticket/getticket"): self._ticket,
            ("GET", "/cgi-bin/user/info"): self._user_info,
        }

    # --- tokens -----------------------------------------------------------------------------

    def _credentials_problem(self, appid: Any, secret: Any) -> int | None:
        if appid != self.app_id:
            return 40013
        if secret != self.app_secret:
            return 40125
        return None

    def _issue_token(self) -> str:
        token = secrets.token_urlsafe(48)
        self._tokens[token] = _Token(expires_at=time.time() + self.token_ttl)
        self.tokens_issued.append(token)
        return token

    def _current_stable_token(self) -> str | None:
        token = self._stable_token and self._tokens.get(self._stable_token)
        if token and not token.expired and token.expires_at > time.time():
            return self._stable_token
        return None

    def _stable(self, body: Any) -> dict:
        if not isinstance(body, dict) or body.get("grant_type") != "client_credential":
            return error(47001)
        problem = self._credentials_problem(body.get("appid"), body.get("secret"))
        if problem:
            return error(problem)
        with self._lock:
            current = self._current_stable_token()
            if current and not body.get("force_refresh"):
                token = current
            else:
                if current:  # force_refresh makes the previous token invalid at once
                    del self._tokens[current]
                token = self._stable_token = self._issue_token()
            expires_in = int(self._tokens[token].expires_at - time.time())
        return {"access_token": token, "expires_in": expires_in}

    def _legacy_token(self, query: dict) -> dict:
        if query.get("grant_type") != "client_credential":
            return error(47001)
        problem = self._credentials_problem(query.get("appid"), query.get("secret"))
        if problem:
            return error(problem)
        with self._lock:
            token = self._issue_token()
        return {"access_token": token, "expires_in": self.token_ttl}

    def _check_token(self, access_token: str | None) -> int | None:
        if not access_token:
            return 41001
        with self._lock:
            token = self._tokens.get(access_token)
        if token is None:
            return 40001
        if token.expired or token.expires_at <= time.time():
            return 42001
        return None

    # --- API endpoints ----------------------------------------------------------------------

    def _deliver(self, call: Call) -> None:
        with self._lock:
            self.delivered.append(call)

    def _recipient_problem(self, openid: Any) -> int | None:
        if not isinstance(openid, str) or not openid:
            return 40003
        if openid in self.unfollowed:
            return 43004
        return None

    def _template_send(self, call: Call) -> dict:
        body = call.body
        problem = self._recipient_problem(body.get("touser"))
        if problem:
            return error(problem)
        if not body.get("template_id"):
            return error(40037)
        data = body.get("data")
        if not isinstance(data, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("value"), str) for v in data.values()
        ):
            return error(47001)
        key = (body["touser"], body.get("client_msg_id") or "")
        with self._lock:
            if key[1] and key in self._template_keys:
                return {"errcode": 0, "errmsg": "ok", "msgid": self._template_keys[key]}
            msgid = next(self._ids)
            if key[1]:
                self._template_keys[key] = msgid
            self.delivered.append(call)
        return {"errcode": 0, "errmsg": "ok", "msgid": msgid}

    def _simple_send(self, call: Call) -> dict:
        problem = self._recipient_problem(call.body.get("touser"))
        if problem:
            return error(problem)
        self._deliver(call)
        return {"errcode": 0, "errmsg": "ok"}

    def _mass_send(self, call: Call) -> dict:
        touser = call.body.get("touser")
        if not isinstance(touser, list) or len(touser) < 2:
            return error(40130)
        key = call.body.get("clientmsgid") or ""
        with self._lock:
            if key and key in self._mass_keys:
                return {**error(45065), **self._mass_keys[key]}
            ids = {"msg_id": next(self._ids), "msg_data_id": next(self._ids)}
            if key:
                self._mass_keys[key] = ids
            self.delivered.append(call)
        return {"errcode": 0, "errmsg": "send job submission success", **ids}

    def _menu_create(self, call: Call) -> dict:
        if not isinstance(call.body.get("button"), list):
            return error(47001)
        return {"errcode": 0, "errmsg": "ok"}

    def _qrcode_create(self, call: Call) -> dict:
        body = call.body
        if "action_name" not in body or "action_info" not in body:
            return error(47001)
        ticket = "gQ" + secrets.token_urlsafe(40)
        return {
            "ticket": ticket,
            "expire_seconds": int(body.get("expire_seconds", 60)),
            "url": f"http://weixin.qq.com/q/{secrets.token_urlsafe(16)}",
        }

    def _ticket(self, call: Call) -> dict:
        if call.query.get("type") != "jsapi":
            return error(40097)
        with self._lock:
            now = time.time()
            if not self._jsapi_ticket or self._jsapi_ticket[1] <= now:
                self._jsapi_ticket = (secrets.token_urlsafe(60), now + 7200)
            ticket, expires_at = self._jsapi_ticket
        return {"errcode": 0, "errmsg": "ok", "ticket": ticket, "expires_in": int(expires_at - now)}

    def _user_info(self, call: Call) -> dict:
        openid = call.query.get("openid")
        if not openid:
            return error(40003)
        if openid in self.unfollowed:
            return {"subscribe": 0, "openid": openid}
        return {
            "subscribe": 1,
            "openid": openid,
            "language": "zh_CN",
            "subscribe_time": 1700000000,
            "remark": "",
            "groupid": 0,
            "tagid_list": [],
            "subscribe_scene": "ADD_SCENE_QR_CODE",
            **self.users.get(openid, {}),
        }

    # --- in-WeChat OAuth (snsapi_userinfo) --------------------------------------------------

    def _sns(self, call: Call) -> _Answer:
        # WeChat answers these as text/plain without a charset, UTF-8 inside.
        if call.path == "/sns/oauth2/access_token":
            payload = self._sns_access_token(call.query)
        elif call.path == "/sns/userinfo":
            payload = self._sns_userinfo(call.query)
        else:
            return _Answer({"errcode": 404, "errmsg": "api not found"}, status=404)
        return _Answer(payload, content_type="text/plain")

    def _sns_access_token(self, query: dict) -> dict:
        problem = self._credentials_problem(query.get("appid"), query.get("secret"))
        if problem:
            return error(problem)
        code = query.get("code", "")
        with self._lock:
            if query.get("grant_type") != "authorization_code" or code not in self.sns_users:
                return error(40029)
            if code in self._sns_tokens.values():
                return error(40163)
            token = secrets.token_urlsafe(48)
            self._sns_tokens[token] = code
        user = self.sns_users[code]
        answer = {
            "access_token": token,
            "expires_in": 7200,
            "refresh_token": secrets.token_urlsafe(48),
            "openid": user["openid"],
            "scope": user.get("scope", "snsapi_userinfo"),
        }
        if user.get("is_snapshotuser"):
            answer["is_snapshotuser"] = 1
        if user.get("unionid"):
            answer["unionid"] = user["unionid"]
        return answer

    def _sns_userinfo(self, query: dict) -> dict:
        with self._lock:
            code = self._sns_tokens.get(query.get("access_token", ""))
        if code is None:
            return error(40001)
        user = self.sns_users[code]
        if query.get("openid") != user["openid"]:
            return error(40003)
        return {k: v for k, v in user.items() if k not in ("scope", "is_snapshotuser")}


def _parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for clients' idle keep-alive connections
    request_queue_size = 1024
    allow_reuse_address = True
    fake: FakeWeChat


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so clients can pool connections
    disable_nagle_algorithm = True  # headers and body go out in two writes
    server: _Server

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        fake = self.server.fake
        if fake.down:
            self.close_connection = True
            return
        answer = fake.handle(self.command, self.path, raw_body)
        if isinstance(answer.payload, bytes):
            body = answer.payload
        else:
            body = json.dumps(answer.payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (e.g. after its read timeout)
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass
