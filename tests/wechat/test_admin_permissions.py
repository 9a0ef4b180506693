"""A Wagtail editor without the WeChat permissions reaches none of the WeChat admin screens:
every URL, GET and POST, is refused and changes nothing. Followers' OpenIDs stay hidden."""

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import ReferenceIndex

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, editor, follower, tag
from wechat.models import Broadcast, ChannelPause, KeywordReply, Message, MessageText

pytestmark = pytest.mark.django_db

# Not admin screens: snippet choosers serve every editor's forms and change nothing; WeChat
# login is public.
NOT_ADMIN = ("wagtailsnippetchoosers_", "wechat_mp_")


def admin_urls() -> list[tuple[str, list[str]]]:
    """(URL name, argument names) of every admin URL of the WeChat app."""
    found = []

    def walk(patterns, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
                walk(pattern.url_patterns, inner if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found.append((name, list(pattern.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return [
        (name, args)
        for name, args in found
        if (name.startswith("wechat_") or "_wechat_" in name) and not name.startswith(NOT_ADMIN)
    ]


def rows() -> dict[str, list]:
    """Every row of the WeChat app's models, to see that nothing changed."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("wechat").get_models()
    }


@pytest.fixture
def objects(configured):
    district = tag("城关区")
    person = follower(district)
    broadcast = draft()
    message = Message.objects.create(
        kind="booking_confirmed",
        channel="template",
        follower=person,
        idempotency_key="booking:1:confirmed",
        next_attempt_at=timezone.now(),
        status=Message.Status.FAILED,
    )
    return {
        "pk": {
            "wechat_broadcasts": broadcast.pk,
            "wechat_followers": person.pk,
            "wechat_follower_tags": district.pk,
            "wechat_messages": message.pk,
            "wagtailsnippets_wechat_messagetext": MessageText.objects.create(kind="k").pk,
            "wagtailsnippets_wechat_keywordreply": KeywordReply.objects.create(
                keywords="帮我", title="t", text="t"
            ).pk,
            "wechat_channel_resume": ChannelPause.objects.create(channel="template").pk,
        },
        "message_id": message.pk,
        "openid": person.openid,
    }


def url_for(name: str, args: list[str], objects: dict) -> str:
    values = []
    for arg in args:
        if arg == "pk":
            values.append(objects["pk"][name.split(":")[0]])
        else:
            values.append(objects[arg])
    return reverse(name, args=values)


def test_every_wechat_admin_url_is_checked_here():
    names = {name.split(":")[0] for name, _args in admin_urls()}
    assert {
        "wechat_broadcasts",
        "wechat_followers",
        "wechat_follower_tags",
        "wechat_messages",
        "wagtailsnippets_wechat_messagetext",
        "wagtailsnippets_wechat_keywordreply",
        "wechat_channel_resume",
        "wechat_channel_test",
    } == names


@pytest.mark.parametrize("status", [Broadcast.Status.DRAFT, Broadcast.Status.SENDING])
def test_an_editor_without_wechat_permissions_is_refused_everywhere(client, objects, status):
    Broadcast.objects.update(status=status)
    client.force_login(editor("editor-without-wechat@example.cn"))
    before = rows()
    for name, args in admin_urls():
        url = url_for(name, args, objects)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 403), (method.__name__, url)
            if response.status_code == 302:
                assert "wechat" not in response["Location"], (method.__name__, url)
            assert objects["openid"] not in response.content.decode(), (method.__name__, url)
    assert rows() == before


def test_a_superuser_reaches_every_screen(client, objects):
    client.force_login(make_superuser())
    for name, args in admin_urls():
        url = url_for(name, args, objects)
        assert client.get(url).status_code in (200, 302, 405), url


def test_links_to_a_message_open_it_read_only(client, objects):
    user = make_superuser()
    message = Message.objects.get(pk=objects["message_id"])
    inspect = reverse("wechat_messages:inspect", args=[message.pk])
    assert AdminURLFinder(user).get_edit_url(message) == inspect
    client.force_login(user)
    usage = reverse("wechat_followers:usage", args=[objects["pk"]["wechat_followers"]])
    assert client.get(usage).status_code == 200


def test_messages_stay_out_of_the_reference_index(objects):
    # Many rows per event: indexing them would queue an index update for each.
    assert not ReferenceIndex.is_indexed(Message)


@pytest.mark.parametrize("missing", [999_999, 10**20])
def test_a_missing_object_is_not_found(client, objects, missing):
    client.force_login(make_superuser())
    for name, args in admin_urls():
        if not args:
            continue
        url = reverse(name, args=[missing] * len(args))
        for method in (client.get, client.post):
            # 405: the screen does not take that method at all.
            assert method(url).status_code in (404, 405), (method.__name__, url)
