"""A WeChat nickname (the bound account's name) is text in the admin's follower pages and
on the account's "微信提醒" page."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.security import personas
from tests.security.xss_checks import PAYLOAD, assert_escaped

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from personas.module_world(django_db_blocker)


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
    client = personas.sign_in(Client(), nicknamed, "admin")
    args = [nicknamed.pk_of(argument)] if argument else []
    assert_escaped(client.get(reverse(name, args=args)))


def test_account_page(nicknamed):
    client = personas.sign_in(Client(), nicknamed, "coordinator_a")
    assert_escaped(client.get(reverse("wechat:account")))
