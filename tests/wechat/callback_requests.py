"""Signed requests to the callback, as WeChat's servers send them, and their replies read back."""

import itertools
import time
from xml.sax.saxutils import escape

import xmltodict
from django.urls import reverse
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

TOKEN = "callback-test-token"
APP_ID = "wx0123456789abcdef"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
ACCOUNT = "gh_0123456789ab"
OPENID = "oJindu0000000000000000000001"

_msg_ids = itertools.count(6_054_768_590_064_713_728)


def configure(settings, *, safe_mode: bool = False) -> WeChatCrypto | None:
    """Set the callback token (and the AES key in safe mode); the crypto to build messages."""
    settings.WECHAT_TOKEN = TOKEN
    settings.WECHAT_APP_ID = APP_ID
    settings.WECHAT_ENCODING_AES_KEY = AES_KEY if safe_mode else ""
    return WeChatCrypto(TOKEN, AES_KEY, APP_ID) if safe_mode else None


def url() -> str:
    return reverse("wechat:callback")


def sign(*values: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*values)
    return signer.signature


def query(timestamp: int | None = None, nonce: str = "1320562132", token: str = TOKEN) -> dict:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {"signature": sign(token, stamp, nonce), "timestamp": stamp, "nonce": nonce}


def post(client, xml: str | bytes, params: dict | None = None):
    params = params or query()
    path = f"{url()}?" + "&".join(f"{k}={v}" for k, v in params.items())
    return client.post(path, data=xml, content_type="text/xml")


def post_encrypted(client, xml: str, crypto: WeChatCrypto, timestamp: int | None = None):
    """Safe mode: the message in an Encrypt envelope, signed with msg_signature."""
    params = query(timestamp)
    envelope = crypto.encrypt_message(xml, params["nonce"], params["timestamp"])
    fields = xmltodict.parse(envelope)["xml"]
    params["msg_signature"] = fields["MsgSignature"]
    outer = (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<Encrypt><![CDATA[{fields['Encrypt']}]]></Encrypt></xml>"
    )
    return post(client, outer, params)


def message(content: str, openid: str = OPENID, msg_id: int | None = None) -> str:
    return _xml(
        openid,
        MsgType="text",
        Content=content,
        MsgId=str(next(_msg_ids) if msg_id is None else msg_id),
    )


def event(name: str, openid: str = OPENID, create_time: int | None = None, **fields) -> str:
    return _xml(openid, create_time, MsgType="event", Event=name, **fields)


def reply(response) -> dict:
    """The reply XML of a callback response as a dict."""
    assert response.status_code == 200, response.content
    return xmltodict.parse(response.content)["xml"]


def _xml(openid: str, create_time: int | None = None, **fields) -> str:
    parts = [
        f"<ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>",
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>",
        f"<CreateTime>{int(time.time()) if create_time is None else create_time}</CreateTime>",
    ]
    for name, value in fields.items():
        # A value that is XML already (nested elements) goes in as it is.
        parts.append(f"<{name}>{value if value.startswith('<') else escape(value)}</{name}>")
    return "<xml>" + "".join(parts) + "</xml>"
