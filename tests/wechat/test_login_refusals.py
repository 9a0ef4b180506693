"""WeChat login that cannot finish says why in Chinese, creates nothing and never fails with
a 500: snapshot-page visitors, bad or used codes, forged state, WeChat out of reach, a
desktop browser, and a site without WeChat configured."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import build_site
from tests.wechat.wechat_login import (
    DESKTOP,
    IN_WECHAT,
    come_back,
    log_in,
    start_login,
    wechat_user,
)
from wechat.models import Follower

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


def nothing_created(client) -> bool:
    return (
        not get_user_model().objects.exists()
        and not SocialAccount.objects.exists()
        and not Follower.objects.exists()
        and "_auth_user_id" not in client.session
    )


def test_snapshot_page_visitor_is_asked_to_open_the_page_properly(client, fake_wechat):
    response = log_in(client, fake_wechat, "code-snap", wechat_user("o-virtual", is_snapshotuser=1))
    assert response.status_code == 403
    page = response.content.decode()
    assert "快照页" in page
    assert "使用完整服务" in page
    assert nothing_created(client)
    assert not fake_wechat.calls_to("/sns/userinfo")


def test_unknown_code_shows_a_clear_error(client, fake_wechat):
    response = come_back(client, "not-a-code", start_login(client))
    assert response.status_code == 400
    assert "授权已失效或无效" in response.content.decode()
    assert nothing_created(client)


def test_a_code_used_twice_is_refused(client, fake_wechat):
    fake_wechat.sns_users["code-1"] = wechat_user("o-once")
    come_back(client, "code-1", start_login(client))
    client.logout()

    response = come_back(client, "code-1", start_login(client))

    assert response.status_code == 400
    assert fake_wechat.calls_to("/sns/oauth2/access_token")[-1].response["errcode"] == 40163


def test_forged_state_is_refused_before_asking_wechat(client, fake_wechat):
    fake_wechat.sns_users["code-1"] = wechat_user("o-forged")
    start_login(client)
    response = come_back(client, "code-1", "forgedstate123")
    assert response.status_code == 400
    assert "授权已失效或无效" in response.content.decode()
    assert nothing_created(client)
    assert not fake_wechat.calls


def test_callback_without_a_code_is_refused(client, fake_wechat):
    state = start_login(client)
    response = client.get(
        reverse("wechat_mp_callback"), {"state": state}, headers={"user-agent": IN_WECHAT}
    )
    assert response.status_code == 400
    assert nothing_created(client)


def test_user_info_refused_by_wechat_creates_nothing(client, fake_wechat):
    fake_wechat.fail_next("/sns/userinfo", 40001)
    response = log_in(client, fake_wechat, "code-1", wechat_user("o-refused"))
    assert response.status_code == 400
    assert nothing_created(client)


def test_wechat_out_of_reach_says_try_later(client, fake_wechat):
    state = start_login(client)
    fake_wechat.down = True
    response = come_back(client, "code-1", state)
    assert response.status_code == 502
    assert "暂时无法连接微信" in response.content.decode()
    assert nothing_created(client)


@pytest.mark.parametrize(
    ("path", "failure"), [("/sns/oauth2/access_token", 503), ("/sns/userinfo", "timeout")]
)
def test_wechat_failing_or_answering_too_late_says_try_later(
    client, fake_wechat, path, failure, caplog
):
    fake_wechat.fail_next(path, failure)
    response = log_in(client, fake_wechat, "code-1", wechat_user("o-unlucky"))
    assert response.status_code == 502
    assert "暂时无法连接微信" in response.content.decode()
    assert nothing_created(client)
    assert fake_wechat.app_secret not in response.content.decode() + caplog.text


def test_outside_wechat_the_login_url_explains_how_to_bind(client, fake_wechat):
    response = client.get(reverse("wechat_mp_login"), headers={"user-agent": DESKTOP})
    assert response.status_code == 200
    page = response.content.decode()
    assert "请在微信中打开" in page
    assert "扫码绑定" in page


def test_not_configured_login_url_says_so(client):
    response = client.get(reverse("wechat_mp_login"), headers={"user-agent": IN_WECHAT})
    assert response.status_code == 404
    assert "未配置微信登录" in response.content.decode()


def test_not_configured_callback_says_so(client):
    response = come_back(client, "code-1", "somestate123")
    assert response.status_code == 404
    assert "未配置微信登录" in response.content.decode()
    assert nothing_created(client)
