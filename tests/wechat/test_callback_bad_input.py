"""Malformed, hostile or oversized bodies get a clean 4xx with a message, never a 500, and
leave nothing behind."""

import pytest

from tests.wechat.callback_requests import ACCOUNT, OPENID, configure, event, message, post, query
from wechat.models import Follower, InboundMessage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_callback")]

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&secret;</Content><MsgId>1</MsgId></xml>"""


def assert_refused(response, status: int, words: str) -> None:
    assert response.status_code == status
    assert words in response.content.decode()
    assert not Follower.objects.exists()
    assert not InboundMessage.objects.exists()


@pytest.mark.parametrize(
    "body",
    ["", "not xml at all", "<xml><ToUserName>gh_1</ToUserName>", "<xml></wrong>", "\xff\xfe<xml>"],
)
def test_malformed_xml_is_a_bad_request(client, body):
    assert_refused(post(client, body), 400, "XML 格式错误")


def test_billion_laughs_is_refused_without_expanding(client):
    assert_refused(post(client, BILLION_LAUGHS), 400, "DTD")


def test_external_entity_is_refused(client):
    assert_refused(post(client, EXTERNAL_ENTITY), 400, "DTD")


def test_another_root_element_is_a_bad_request(client):
    assert_refused(post(client, "<message><MsgType>text</MsgType></message>"), 400, "XML 格式错误")


def test_huge_body_is_too_large(client):
    padding = "禁" * 30_000  # 90 000 bytes in UTF-8
    assert_refused(post(client, message(padding)), 413, "消息过大")


@pytest.mark.parametrize("missing", ["FromUserName", "MsgType", "CreateTime", "MsgId"])
def test_missing_fields_are_named(client, missing):
    fields = {
        "ToUserName": ACCOUNT,
        "FromUserName": OPENID,
        "CreateTime": "1700000000",
        "MsgType": "text",
        "Content": "你好",
        "MsgId": "1234",
    }
    del fields[missing]
    xml = "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</xml>"
    assert_refused(post(client, xml), 400, missing)


def test_event_without_event_name_is_a_bad_request(client):
    xml = (
        f"<xml><ToUserName>{ACCOUNT}</ToUserName><FromUserName>{OPENID}</FromUserName>"
        "<CreateTime>1700000000</CreateTime><MsgType>event</MsgType></xml>"
    )
    assert_refused(post(client, xml), 400, "Event")


def test_nested_element_where_text_is_expected_is_a_bad_request(client):
    xml = message("你好").replace(f"<![CDATA[{OPENID}]]>", "<a>1</a>")
    assert_refused(post(client, xml), 400, "FromUserName")


def test_non_numeric_ids_are_a_bad_request(client):
    assert_refused(post(client, message("你好").replace("<MsgId>", "<MsgId>x")), 400, "MsgId")


def test_overlong_openid_is_a_bad_request(client):
    assert_refused(post(client, message("你好", openid="o" * 65)), 400, "过长")


@pytest.mark.parametrize("name", ["CreateTime", "MsgId"])
def test_overlong_numbers_are_a_bad_request(client, name):
    xml = message("你好").replace(f"<{name}>", f"<{name}>" + "9" * 200)
    assert_refused(post(client, xml), 400, name)


def test_overlong_event_time_is_a_bad_request(client):
    xml = event("subscribe", create_time=int("9" * 200))
    assert_refused(post(client, xml), 400, "CreateTime")


def test_non_ascii_digits_are_a_bad_request(client):
    xml = message("你好").replace("<MsgId>", "<MsgId>²")
    assert_refused(post(client, xml), 400, "MsgId")


def test_the_longest_accepted_event_is_stored(client):
    xml = event("e" * 40, openid="o" * 64, create_time=int("9" * 12))
    assert post(client, xml).status_code == 200
    assert InboundMessage.objects.count() == 1


def test_deeply_nested_xml_is_a_bad_request(client):
    depth = 5_000
    xml = "<xml>" + "<a>" * depth + "</a>" * depth + "</xml>"
    assert_refused(post(client, xml), 400, "XML")


def test_deeply_nested_xml_is_refused_in_safe_mode_before_any_signature(client, settings):
    configure(settings, safe_mode=True)
    depth = 5_000
    xml = "<xml>" + "<a>" * depth + "</a>" * depth + "</xml>"
    assert_refused(post(client, xml, {**query(), "msg_signature": "0" * 40}), 400, "XML")
