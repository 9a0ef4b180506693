"""Staff send themselves a test message from the dashboard panel, by the route their own
notices take."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import editor
from wechat.models import Follower, Message

pytestmark = pytest.mark.django_db

URL = reverse("wechat_channel_test")


def _messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_the_panel_offers_the_button(client):
    client.force_login(make_superuser())
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_member_of_staff_without_wechat_gets_it_by_email(client):
    user = make_superuser()
    client.force_login(user)
    response = client.post(URL)
    assert response.status_code == 302
    message = Message.objects.get(kind="channel_test")
    assert (message.user, message.channel, message.email) == (user, "email", user.email)
    assert "将通过邮件发给您" in _messages(response)[0]


def test_a_bound_follower_without_a_template_id_still_gets_email(client, configured):
    user = make_superuser()
    Follower.objects.create(openid="o-staff", subscribed=True, user=user)
    client.force_login(user)
    client.post(URL)
    assert Message.objects.get(kind="channel_test").channel == "email"


def test_nobody_to_reach_is_said(client):
    user = make_superuser("nomail@example.cn")
    user.email = ""
    user.save()
    client.force_login(user)
    response = client.post(URL)
    assert "测试消息无法发送" in _messages(response)[0]
    assert Message.objects.get(kind="channel_test").status == Message.Status.FAILED


def test_only_staff_who_may_change_messages(client):
    client.force_login(editor("viewer@example.cn", "view_message"))
    response = client.post(URL)
    assert response.status_code in (302, 403)
    assert not Message.objects.exists()
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_get_is_not_allowed(client):
    client.force_login(make_superuser())
    assert client.get(URL).status_code == 405
