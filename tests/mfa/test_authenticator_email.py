"""Turning the authenticator app on or off sends a security notice in Chinese to the
account's address; an account without an address (WeChat login) gets none and is not
stopped. The notices go out once the change is committed, so these tests commit."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, build_site
from tests.mfa.roles import PRIVILEGED, make_wechat_visitor
from tests.mfa_helpers import totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def activate(client, user):
    """Turn on the authenticator app through its page, as the account's owner would."""
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', page).group(1)
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")


def assert_notice(notice, user, change: str):
    assert notice.to == [user.email]
    assert notice.subject == f"【江州市禁毒宣传教育平台】{change}"
    assert notice.body.startswith("您好！")
    assert f"您收到这封邮件是因为您的账户产生了以下变动：\n\n{change}。" in notice.body
    assert "如果这不是您做出的更改，请立即采取适当的安全措施。" in notice.body
    assert "此邮件由 testserver 自动发送，请勿直接回复。" in notice.body


def test_turning_it_on_sends_a_notice(client, mfa_required):
    user = PRIVILEGED["school coordinator"]()

    activate(client, user)

    [notice] = mail.outbox
    assert_notice(notice, user, "身份验证器应用已激活")


def test_turning_it_off_sends_another(client, mfa_required):
    user = PRIVILEGED["school coordinator"]()
    activate(client, user)

    client.post(reverse("mfa_deactivate_totp"))

    assert not Authenticator.objects.filter(user=user).exists()
    [_on, notice] = mail.outbox
    assert_notice(notice, user, "身份验证器应用已停用")


def test_an_account_without_an_address_gets_none(client, mfa_required):
    user = make_wechat_visitor()
    user.set_password(PASSWORD)
    user.save()

    activate(client, user)

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert mail.outbox == []
