"""Whatever reaches the WeChat callback (any query string, any body, plain or safe mode with
right or wrong signatures) is answered 200 ("success" or a reply), 400, 403 or 413 — never a
server error — and a refusal leaves no follower, message key or outbox row behind. A WeChat
retry of an answered message gets the same answer and changes nothing."""

import re
import time
from urllib.parse import urlencode
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wechatpy.crypto import WeChatCrypto

from tests.property.examples import assert_answered, isolated_example, row_counts
from tests.wechat.callback_requests import ACCOUNT, OPENID, TOKEN, configure, sign, url
from tests.wechat.test_callback_bad_input import BILLION_LAUGHS, EXTERNAL_ENTITY
from wechat.models import Follower, InboundMessage, Message

pytestmark = pytest.mark.django_db

ANSWERS = {200, 400, 403, 413}
WRITTEN = (Follower, InboundMessage, Message)

# Text an XML document can carry as it is (no control characters, which XML refuses or
# rewrites), from anywhere in Unicode.
XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=70)
NUMBERS = st.integers(0, 10**22).map(str)
EVENTS = st.sampled_from(
    [
        "subscribe",
        "unsubscribe",
        "SCAN",
        "CLICK",
        "TEMPLATESENDJOBFINISH",
        "İ" * 40,  # 40 characters that lower-case to 80
    ]
)
ODD_EVENTS = st.sampled_from(
    [
        "VIEW",
        "LOCATION",
        "MASSSENDJOBFINISH",
        "subscribe_msg_popup_event",
        "subscribe_msg_sent_event",
    ]
)
# Each field's likely values (as WeChat sends them, or nearly) and odd ones.
FIELDS = {
    "ToUserName": (st.just(ACCOUNT), XML_TEXT),
    "FromUserName": (
        st.sampled_from([OPENID, "o" * 64]) | st.text("abcXYZ_-0189", min_size=1, max_size=64),
        st.just("o" * 65) | XML_TEXT,
    ),
    "CreateTime": (st.sampled_from([str(int(time.time())), "9" * 12]), NUMBERS | XML_TEXT),
    "MsgType": (st.sampled_from(["event", "EVENT", "text"]), st.just("image") | XML_TEXT),
    "Event": (EVENTS, ODD_EVENTS | XML_TEXT),
    "MsgId": (NUMBERS, XML_TEXT),
    "MsgID": (st.sampled_from(["", "", "1000001"]), NUMBERS | XML_TEXT),  # send reports only
    "EventKey": (st.sampled_from(["qrscene_bind:nothing", "bind:nothing", "答题"]), XML_TEXT),
    "Content": (st.sampled_from(["答题", "预约", "帮助"]), XML_TEXT),
    "Status": (st.sampled_from(["success", "failed:user block", "failed: busy"]), XML_TEXT),
}
NESTED = st.sampled_from(
    [
        "<SubscribeMsgPopupEvent><List><TemplateId>t1</TemplateId>"
        "<SubscribeStatusString>accept</SubscribeStatusString></List></SubscribeMsgPopupEvent>",
        "<SubscribeMsgSentEvent><List><TemplateId>t1</TemplateId><ErrorCode>43101</ErrorCode>"
        "</List><List>x</List></SubscribeMsgSentEvent>",
        "<SubscribeMsgPopupEvent>plain text</SubscribeMsgPopupEvent>",
        "<A><B><C><D><E><F><G><H><I>deep</I></H></G></F></E></D></C></B></A>",
        "<Event><Nested>1</Nested></Event>",
    ]
)
HOSTILE = st.sampled_from(
    [
        BILLION_LAUGHS.encode(),
        EXTERNAL_ENTITY.encode(),
        b'<!DOCTYPE xml SYSTEM "http://example.com/x.dtd"><xml></xml>',
        b'<?xml version="1.0" encoding="no-such-codec"?><xml></xml>',
        '<?xml version="1.0" encoding="utf-16"?><xml></xml>'.encode("utf-16"),
        b"<xml/>",
        b"<notxml></notxml>",
        b"",
    ]
) | st.integers(64 * 1024, 70_000).map(lambda size: b"<xml>" + b"x" * size + b"</xml>")


@st.composite
def documents(draw) -> str:
    """A WeChat-like <xml> document: any of the fields, with likely or arbitrary values,
    sometimes repeated, nested or unknown elements."""
    if draw(st.integers(0, 2)):  # every field once, as WeChat would send it
        return (
            "<xml>"
            + "".join(
                f"<{name}>{escape(draw(likely))}</{name}>"
                for name, (likely, _odd) in FIELDS.items()
            )
            + "</xml>"
        )
    parts = []
    for name, (likely, odd) in FIELDS.items():
        for _ in range(draw(st.sampled_from([1, 1, 1, 1, 0, 2]))):
            parts.append(f"<{name}>{escape(draw(likely | odd))}</{name}>")
    parts += draw(st.lists(NESTED, max_size=2))
    extra = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}", fullmatch=True)
    for name in draw(st.lists(extra, max_size=2)):
        parts.append(f"<{name}>{escape(draw(XML_TEXT))}</{name}>")
    return "<xml>" + "".join(draw(st.permutations(parts))) + "</xml>"


def signed_query(nonce: str, timestamp: str | None = None) -> dict[str, str]:
    stamp = str(int(time.time())) if timestamp is None else timestamp
    return {"signature": sign(TOKEN, stamp, nonce), "timestamp": stamp, "nonce": nonce}


QUERY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
ARBITRARY_QUERY = st.dictionaries(
    st.sampled_from(["signature", "timestamp", "nonce", "msg_signature", "encrypt_type", "x"]),
    QUERY_TEXT,
)
# Mostly the current time (None), sometimes one outside the replay window or no number.
SIGNED_QUERY = st.builds(
    signed_query,
    QUERY_TEXT,
    st.one_of(st.none(), st.none(), st.sampled_from(["0", "99999999999", " 1", "1e9"]), NUMBERS),
)
# Weighted toward documents WeChat could send, where the handlers are reached.
DOCUMENTS = documents().map(str.encode)
BODIES = st.one_of(DOCUMENTS, DOCUMENTS, DOCUMENTS, st.binary(max_size=200), HOSTILE)


def post(client, params: dict[str, str], body: bytes):
    return client.post(f"{url()}?{urlencode(params)}", data=body, content_type="text/xml")


def check_answer(client, params: dict[str, str], body: bytes) -> None:
    before = row_counts(*WRITTEN)
    response = post(client, params, body)
    assert_answered(response)
    assert response.status_code in ANSWERS, (response.status_code, response.content[:300])
    after = row_counts(*WRITTEN)
    if response.status_code != 200:
        assert after == before
        return
    label = InboundMessage._meta.label
    assert after[label] == before[label] + 1
    assert after[Follower._meta.label] - before[Follower._meta.label] <= 1
    for follower in Follower.objects.all():
        assert follower.openid and len(follower.openid) <= 64
    retry = post(client, params, body)
    # A safe-mode reply is encrypted afresh each time: only its being a reply must repeat.
    assert retry.status_code == 200
    assert (retry.content == b"success") == (response.content == b"success")
    if not params.get("msg_signature"):
        assert retry.content == response.content
    assert row_counts(*WRITTEN) == after


@settings(max_examples=70)
@given(
    params=st.one_of(SIGNED_QUERY, SIGNED_QUERY, ARBITRARY_QUERY),
    body=BODIES,
)
def test_plain_mode_never_fails(client, settings, params, body):
    configure(settings)
    with isolated_example(client):
        check_answer(client, params, body)


CRYPTO = WeChatCrypto(TOKEN, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef")


def sealed(document: str, nonce: str) -> tuple[dict[str, str], bytes]:
    """A document encrypted as WeChat sends it in safe mode, with a right msg_signature."""
    params = signed_query(nonce)
    # Read with a pattern: the envelope carries the nonce as given, which may not be XML.
    envelope = CRYPTO.encrypt_message(document, nonce, params["timestamp"])
    encrypt = re.search(r"<Encrypt><!\[CDATA\[(.*?)\]\]>", envelope).group(1)
    params["msg_signature"] = sign(TOKEN, params["timestamp"], nonce, encrypt)
    params["encrypt_type"] = "aes"
    return params, _envelope(encrypt)


def forged(encrypt: str, nonce: str) -> tuple[dict[str, str], bytes]:
    """Anything as the Encrypt field, signed right: only decryption can refuse it."""
    params = signed_query(nonce)
    params["msg_signature"] = sign(TOKEN, params["timestamp"], nonce, encrypt)
    return params, _envelope(encrypt)


def _envelope(encrypt: str) -> bytes:
    return (
        f"<xml><ToUserName>{ACCOUNT}</ToUserName><Encrypt>{escape(encrypt)}</Encrypt></xml>"
    ).encode()


NONCES = st.text("0123456789abc", min_size=1, max_size=12) | QUERY_TEXT
BASE64ISH = st.text(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", max_size=120
)


@settings(max_examples=60)
@given(
    kind=st.sampled_from(["sealed", "forged", "raw"]),
    document=documents(),
    encrypt=BASE64ISH | XML_TEXT,
    nonce=NONCES,
    raw=st.tuples(SIGNED_QUERY | ARBITRARY_QUERY, BODIES),
)
def test_safe_mode_never_fails(client, settings, kind, document, encrypt, nonce, raw):
    configure(settings, safe_mode=True)
    if kind == "sealed":
        params, body = sealed(document, nonce)
    elif kind == "forged":
        params, body = forged(encrypt, nonce)
    else:
        params, body = raw
    with isolated_example(client):
        check_answer(client, params, body)
