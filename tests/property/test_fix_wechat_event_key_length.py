"""An event whose name grows when lower-cased ("İ" becomes two characters) could make the
message key longer than its column: PostgreSQL refused the row and the callback failed with
a server error. Such an event is now refused as too long, like any other."""

import pytest

from tests.wechat.callback_requests import configure, event, post
from wechat.models import Follower, InboundMessage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def plain_callback(settings):
    configure(settings)


def test_an_event_that_grows_when_lower_cased_is_refused(client):
    xml = event("İ" * 40, openid="o" * 64, create_time=999_999_999_999)
    response = post(client, xml)
    assert response.status_code == 400
    assert "消息字段过长" in response.content.decode()
    assert not Follower.objects.exists()
    assert not InboundMessage.objects.exists()


def test_an_event_of_the_longest_length_is_answered(client):
    xml = event("x" * 40, openid="o" * 64, create_time=999_999_999_999)
    assert post(client, xml).content == b"success"
    assert InboundMessage.objects.count() == 1
