"""Reading what WeChat posts to the callback: signature, replay window, decryption, parsing
and deduplication. Every refusal is an InboundError carrying its HTTP status and a message."""

import datetime
import re
import struct
import time
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException, WeChatException
from wechatpy.utils import check_signature

from wechat import conf
from wechat.models import InboundMessage

MAX_BODY = 64 * 1024
# WeChat retries within seconds; keys older than this only fill the table. Every
# PURGE_EVERY-th new message clears them.
KEEP_KEYS = datetime.timedelta(days=1)
PURGE_EVERY = 100
REPLAY_WINDOW = 5 * 60  # seconds between WeChat's timestamp and our clock
MAX_OPENID = 64
MAX_DEPTH = 8  # WeChat's documents nest four levels at most (mass send copyright results)
MAX_EVENT = 40
# MsgId is a 64-bit number; CreateTime is in seconds. With these bounds a message's key
# always fits InboundMessage.key.
MSG_ID = re.compile(r"[0-9]{1,20}")
CREATE_TIME = re.compile(r"[0-9]{1,12}")


class InboundError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Inbound:
    """One parsed message or event, and how to answer it (encrypted or not)."""

    fields: dict[str, Any]
    crypto: WeChatCrypto | None
    nonce: str
    timestamp: str

    @property
    def openid(self) -> str:
        return self.fields["FromUserName"]

    @property
    def msg_type(self) -> str:
        return self.fields["MsgType"].lower()

    @property
    def event(self) -> str:
        return str(self.fields.get("Event") or "").lower()

    @property
    def key(self) -> str:
        """Messages are told apart by MsgId; reports on send jobs by their job's MsgID (mass
        send reports all come from one sender, several in the same second); other events
        by sender, time and event."""
        if self.msg_type != "event":
            return f"msg:{self.fields['MsgId']}"
        job = self.fields.get("MsgID")
        if isinstance(job, str) and MSG_ID.fullmatch(job):
            return f"job:{self.event}:{job}"
        return f"{self.openid}:{self.fields['CreateTime']}:{self.event}"


def require_token() -> str:
    token = conf.callback_token()
    if not token:
        raise InboundError(503, _("微信回调未配置：请设置 WECHAT_TOKEN。"))
    return token


def verify_url(params) -> str:
    """The echostr to send back when WeChat checks the callback address."""
    token = require_token()
    _check_plain_signature(token, params)
    return params.get("echostr", "")


def read(params, body: bytes) -> Inbound:
    """Check and parse a POST from WeChat, decrypting it in safe mode."""
    token = require_token()
    crypto = _crypto(token)
    check_size(len(body))
    timestamp, nonce = params.get("timestamp", ""), params.get("nonce", "")
    if crypto is None:
        _check_plain_signature(token, params)
    _check_timestamp(timestamp)
    fields = parse_xml(body)
    if crypto is not None:
        fields = parse_xml(decrypt(crypto, fields, params).encode())
    return Inbound(_validated(fields), crypto, nonce, timestamp)


def check_size(length: int) -> None:
    if length > MAX_BODY:
        raise InboundError(413, _("消息过大（上限 64 KiB）。"))


def decrypt(crypto: WeChatCrypto, envelope: dict[str, Any], params) -> str:
    """The XML inside a safe-mode envelope, after checking msg_signature."""
    encrypted = envelope.get("Encrypt")
    if not isinstance(encrypted, str) or not encrypted:
        raise InboundError(400, _("安全模式的消息缺少 Encrypt 字段。"))
    try:
        return crypto.decrypt_message(
            {"Encrypt": encrypted},
            params.get("msg_signature", ""),
            params.get("timestamp", ""),
            params.get("nonce", ""),
        )
    except InvalidSignatureException:
        raise InboundError(403, _("签名无效。")) from None
    except (ValueError, IndexError, struct.error, WeChatException):
        raise InboundError(400, _("消息无法解密。")) from None


def parse_xml(data: bytes) -> dict[str, Any]:
    """WeChat's flat <xml> document as a dict; nested elements become dicts, repeated
    elements lists. Documents with a DTD or entities are refused."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InboundError(400, _("不接受含有 DTD 或实体的 XML。")) from None
    except (ParseError, ValueError):
        raise InboundError(400, _("XML 格式错误。")) from None
    if root.tag != "xml":
        raise InboundError(400, _("XML 格式错误。"))
    return _children(root)


def as_list(value: Any) -> list:
    """A repeated element as a list, whether it appeared once or several times."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first_time(key: str) -> bool:
    """Record the message key; False when it was already handled (a WeChat retry). Call it
    inside the transaction that applies the message's effects."""
    try:
        with transaction.atomic():
            row = InboundMessage.objects.create(key=key)
    except IntegrityError:
        return False
    if row.pk % PURGE_EVERY == 0:
        InboundMessage.objects.filter(received_at__lt=timezone.now() - KEEP_KEYS).delete()
    return True


def _children(element: Element, depth: int = 1) -> dict[str, Any]:
    if depth > MAX_DEPTH:
        raise InboundError(400, _("XML 嵌套过深。"))
    result: dict[str, Any] = {}
    for child in element:
        value = _children(child, depth + 1) if len(child) else (child.text or "")
        if child.tag in result:
            result[child.tag] = as_list(result[child.tag]) + [value]
        else:
            result[child.tag] = value
    return result


def _crypto(token: str) -> WeChatCrypto | None:
    key = conf.encoding_aes_key()
    if not key:
        return None
    if not conf.app_id():
        raise InboundError(503, _("安全模式需要设置 WECHAT_APP_ID。"))
    try:
        return WeChatCrypto(token, key, conf.app_id())
    except (AssertionError, ValueError):
        raise InboundError(503, _("WECHAT_ENCODING_AES_KEY 无效：应为 43 个字符。")) from None


def _check_plain_signature(token: str, params) -> None:
    try:
        check_signature(
            token,
            params.get("signature", ""),
            params.get("timestamp", ""),
            params.get("nonce", ""),
        )
    except InvalidSignatureException:
        raise InboundError(403, _("签名无效。")) from None


def _check_timestamp(timestamp: str) -> None:
    try:
        sent = int(timestamp)
    except ValueError:
        raise InboundError(403, _("时间戳无效。")) from None
    if abs(time.time() - sent) > REPLAY_WINDOW:
        raise InboundError(403, _("请求已过期。"))


def _validated(fields: dict[str, Any]) -> dict[str, Any]:
    msg_type = fields.get("MsgType")
    is_event = isinstance(msg_type, str) and msg_type.lower() == "event"
    required = ["ToUserName", "FromUserName", "CreateTime", "MsgType"]
    required.append("Event" if is_event else "MsgId")
    missing = [n for n in required if not (isinstance(fields.get(n), str) and fields[n].strip())]
    if missing:
        raise InboundError(400, _("消息缺少字段：%(fields)s。") % {"fields": "、".join(missing)})
    if not CREATE_TIME.fullmatch(fields["CreateTime"]) or not (
        is_event or MSG_ID.fullmatch(fields["MsgId"])
    ):
        raise InboundError(400, _("CreateTime 和 MsgId 应为数字。"))
    event = fields.get("Event", "")
    # An event's key holds its name lower-cased, which can be longer ("İ" becomes "i̇").
    event_length = len(event.lower()) if is_event else len(event)
    if len(fields["FromUserName"]) > MAX_OPENID or event_length > MAX_EVENT:
        raise InboundError(400, _("消息字段过长。"))
    return fields
