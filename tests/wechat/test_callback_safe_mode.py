"""Safe mode: messages arrive AES-encrypted with msg_signature and replies leave encrypted."""

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto

from tests.factories import build_site
from tests.wechat.callback_requests import (
    ACCOUNT,
    OPENID,
    TOKEN,
    configure,
    message,
    post,
    post_encrypted,
    query,
    sign,
)
from wechat import inbound
from wechat.models import Follower, InboundMessage, KeywordReply

pytestmark = pytest.mark.django_db


def test_encrypted_message_gets_an_encrypted_reply(client, settings):
    crypto = configure(settings, safe_mode=True)
    site = build_site()
    KeywordReply.objects.create(
        keywords="知识", title="毒品图鉴", text="认清毒品的样子。", page=site.drug_facts
    )

    response = post_encrypted(client, message("知识"), crypto)

    assert response.status_code == 200
    envelope = xmltodict.parse(response.content)["xml"]
    plain = crypto.decrypt_message(
        response.content, envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"]
    )
    reply = xmltodict.parse(plain)["xml"]
    assert reply["MsgType"] == "news"
    assert reply["ToUserName"] == OPENID
    assert reply["FromUserName"] == ACCOUNT
    assert reply["Articles"]["item"]["Url"] == "http://localhost/drugs/"


def test_encrypted_event_without_reply_gets_plain_success(client, settings):
    crypto = configure(settings, safe_mode=True)
    xml = message("x").replace("<MsgType>text</MsgType>", "<MsgType>image</MsgType>")
    response = post_encrypted(client, xml, crypto)
    assert response.content == b"success"
    assert Follower.objects.filter(openid=OPENID).exists()


def test_bad_msg_signature_is_forbidden(client, settings):
    configure(settings, safe_mode=True)
    stranger = WeChatCrypto("another-token", "B" * 43, "wx0123456789abcdef")
    response = post_encrypted(client, message("知识"), stranger)
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_plain_message_is_refused_in_safe_mode(client, settings):
    configure(settings, safe_mode=True)
    response = post(client, message("知识"), {**query(), "msg_signature": "0" * 40})
    assert response.status_code == 400
    assert "Encrypt" in response.content.decode()
    assert not Follower.objects.exists()


def test_message_for_another_account_is_refused(client, settings):
    configure(settings, safe_mode=True)
    settings.WECHAT_APP_ID = "wx9999999999999999"
    sender = WeChatCrypto(TOKEN, settings.WECHAT_ENCODING_AES_KEY, "wxffff")
    response = post_encrypted(client, message("知识"), sender)
    assert response.status_code == 400
    assert "解密" in response.content.decode()


def test_garbage_ciphertext_is_a_bad_request(client, settings):
    configure(settings, safe_mode=True)
    params = query()
    encrypted = "not base64 at all!!"
    params["msg_signature"] = _msg_signature(params, encrypted)
    response = post(client, f"<xml><Encrypt>{encrypted}</Encrypt></xml>", params)
    assert response.status_code == 400
    assert not InboundMessage.objects.exists()


def test_invalid_aes_key_is_a_configuration_error(client, settings):
    configure(settings, safe_mode=True)
    settings.WECHAT_ENCODING_AES_KEY = "too-short"
    response = post(client, "<xml/>")
    assert response.status_code == 503
    assert "WECHAT_ENCODING_AES_KEY" in response.content.decode()


def test_wechatpys_published_vector_decrypts():
    """wechatpy's test_crypto vector (token 123456, app ID wx49f0ab532d5d035a)."""
    crypto = WeChatCrypto(
        "123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a"
    )
    envelope = inbound.parse_xml(VECTOR_XML.encode())
    params = {"msg_signature": VECTOR_SIGNATURE, "timestamp": "1411525903", "nonce": "461056294"}

    fields = inbound.parse_xml(inbound.decrypt(crypto, envelope, params).encode())

    assert fields["Content"] == "test"
    assert fields["FromUserName"] == "messense"
    with pytest.raises(inbound.InboundError) as refused:
        inbound.decrypt(crypto, envelope, {**params, "nonce": "461056295"})
    assert refused.value.status == 403


def _msg_signature(params: dict, encrypted: str) -> str:
    return sign(TOKEN, params["timestamp"], params["nonce"], encrypted)


VECTOR_SIGNATURE = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d"
VECTOR_XML = """<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>
<Encrypt><![CDATA[RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=]]></Encrypt>
<AgentID><![CDATA[1]]></AgentID>
</xml>"""
