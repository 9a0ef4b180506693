"""The login page offers "微信登录" only inside WeChat's browser and only when WeChat is
configured; elsewhere it tells desktop users to bind by scanning on their account page."""

import pytest
from django.urls import reverse

from tests.factories import build_site, make_user
from tests.wechat.wechat_login import DESKTOP, IN_WECHAT

pytestmark = pytest.mark.django_db

BUTTON = 'href="/accounts/wechat_mp/login/'
DESKTOP_NOTE = "微信登录请在微信中打开本站使用"


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def login_page(client, user_agent: str) -> str:
    response = client.get(reverse("account_login"), headers={"user-agent": user_agent})
    assert response.status_code == 200
    return response.content.decode()


def test_inside_wechat_the_button_is_shown(client, fake_wechat):
    page = login_page(client, IN_WECHAT)
    assert BUTTON in page
    assert "微信登录" in page
    assert DESKTOP_NOTE not in page


def test_on_a_desktop_the_note_replaces_the_button(client, fake_wechat):
    page = login_page(client, DESKTOP)
    assert BUTTON not in page
    assert DESKTOP_NOTE in page


def test_without_wechat_configured_there_is_neither(client):
    page = login_page(client, IN_WECHAT)
    assert BUTTON not in page
    assert DESKTOP_NOTE not in page


def test_account_pages_link_to_the_wechat_alerts_page(client):
    client.force_login(make_user())
    response = client.get(reverse("account_email"))
    assert f'href="{reverse("wechat:account")}"' in response.content.decode()
