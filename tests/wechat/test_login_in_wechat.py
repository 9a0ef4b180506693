"""Inside WeChat's browser a visitor logs in with WeChat: a new visitor gets an account named
after their nickname, and their follower is bound to it so that alerts reach them."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import build_site, make_user
from tests.wechat.wechat_login import (
    AUTHORIZE_URL,
    IN_WECHAT,
    NICKNAME,
    log_in,
    wechat_user,
)
from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET
from wechat.models import Follower

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def logged_in_user(client):
    return User.objects.get(pk=client.session["_auth_user_id"])


def test_login_url_sends_the_browser_to_wechats_authorisation(client, fake_wechat):
    response = client.get(reverse("wechat_mp_login"), headers={"user-agent": IN_WECHAT})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(AUTHORIZE_URL + "?")
    assert location.endswith("#wechat_redirect")
    query = urlsplit(location).query
    assert [name for name, _ in (pair.split("=", 1) for pair in query.split("&"))] == [
        "appid",
        "redirect_uri",
        "response_type",
        "scope",
        "state",
    ]
    params = parse_qs(query)
    assert params["appid"] == [DEFAULT_APP_ID]
    assert params["scope"] == ["snsapi_userinfo"]
    assert params["response_type"] == ["code"]
    assert re.fullmatch(
        r"https?://testserver/accounts/wechat_mp/login/callback/", params["redirect_uri"][0]
    )
    assert re.fullmatch(r"[A-Za-z0-9]{1,128}", params["state"][0])
    assert not fake_wechat.calls


def test_a_new_visitor_gets_an_account_and_a_bound_follower(client, fake_wechat):
    response = log_in(client, fake_wechat, "code-1", wechat_user("o-new-visitor"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = logged_in_user(client)
    assert user.first_name == NICKNAME
    assert user.email == ""
    assert user.username.startswith("wx_")
    assert not user.has_usable_password()
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("wechat_mp", "o-new-visitor")
    assert account.extra_data["nickname"] == NICKNAME
    follower = Follower.objects.get(openid="o-new-visitor")
    assert follower.user == user
    assert follower.bound_at is not None
    assert follower.subscribed is False


def test_the_token_and_user_info_come_from_the_api_root(client, fake_wechat):
    log_in(client, fake_wechat, "code-1", wechat_user("o-new-visitor"))

    [token_call] = fake_wechat.calls_to("/sns/oauth2/access_token")
    assert token_call.method == "GET"
    assert token_call.query == {
        "appid": DEFAULT_APP_ID,
        "secret": DEFAULT_APP_SECRET,
        "code": "code-1",
        "grant_type": "authorization_code",
    }
    [info_call] = fake_wechat.calls_to("/sns/userinfo")
    assert info_call.query["openid"] == "o-new-visitor"
    assert info_call.query["access_token"] == token_call.response["access_token"]


def test_nickname_with_emoji_and_symbols_is_kept_whole(client, fake_wechat):
    nickname = "小卫士🌻·禁毒"
    log_in(client, fake_wechat, "code-1", wechat_user("o-emoji", nickname=nickname))
    assert logged_in_user(client).first_name == nickname


def test_logging_in_again_uses_the_same_account(client, fake_wechat):
    log_in(client, fake_wechat, "code-1", wechat_user("o-returning"))
    first = logged_in_user(client)
    client.logout()

    response = log_in(client, fake_wechat, "code-2", wechat_user("o-returning"))

    assert response.status_code == 302
    assert logged_in_user(client) == first
    assert User.objects.count() == 1
    assert Follower.objects.get(openid="o-returning").user == first


def test_the_page_asked_for_is_where_login_ends(client, fake_wechat):
    response = log_in(client, fake_wechat, "code-1", wechat_user("o-next"), next="/wechat/account/")
    assert response["Location"] == "/wechat/account/"


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com/", "/\\evil"])
def test_login_never_ends_on_another_site(client, fake_wechat, target):
    response = log_in(client, fake_wechat, "code-1", wechat_user("o-next"), next=target)
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_a_known_follower_keeps_its_subscription_and_is_bound(client, fake_wechat):
    Follower.objects.create(openid="o-follower", subscribed=True)
    log_in(client, fake_wechat, "code-1", wechat_user("o-follower"))
    follower = Follower.objects.get(openid="o-follower")
    assert follower.subscribed is True
    assert follower.user == logged_in_user(client)


def test_login_moves_the_follower_from_an_account_it_was_bound_to(client, fake_wechat):
    teacher = make_user()
    Follower.objects.create(openid="o-shared", subscribed=True, user=teacher)

    log_in(client, fake_wechat, "code-1", wechat_user("o-shared"))

    follower = Follower.objects.get(openid="o-shared")
    assert follower.user == logged_in_user(client)
    assert follower.user != teacher
    assert not Follower.objects.filter(user=teacher).exists()
