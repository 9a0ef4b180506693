"""A WeChat nickname (the bound account's name) is text in the admin's follower pages and
on the account's "微信提醒" page."""

import pytest
from django.urls import reverse

from tests.security.xss_checks import PAYLOAD, assert_page_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def nicknamed(world):
    user = world.users["coordinator_a"]
    user.first_name = PAYLOAD
    user.save()
    return world


@pytest.mark.parametrize(
    ("name", "argument"),
    [("wechat_followers:index", None), ("wechat_followers:inspect", "follower")],
)
def test_admin_follower_pages(nicknamed, name, argument):
    args = [nicknamed.pk_of(argument)] if argument else []
    assert_page_escaped(nicknamed, "admin", reverse(name, args=args))


def test_account_page(nicknamed):
    assert_page_escaped(nicknamed, "coordinator_a", reverse("wechat:account"))
