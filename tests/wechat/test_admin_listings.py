"""The WeChat admin listings render with a fixed number of queries however many rows they
show, filter and search as editors expect, and export no personal data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_superuser
from tests.wechat.broadcast_helpers import draft, follower, followers, tag
from wechat.models import Message, MessageText
from wechat.models.replies import KeywordReply

pytestmark = pytest.mark.django_db

# Measured, the same on SQLite and PostgreSQL.
LISTINGS = {
    "wechat_broadcasts:index": 8,
    "wechat_followers:index": 9,
    "wechat_follower_tags:index": 8,
    "wechat_messages:index": 8,
    "wagtailsnippets_wechat_keywordreply:list": 8,
    "wagtailsnippets_wechat_messagetext:list": 8,
}


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


def rows(count: int) -> None:
    district = tag(f"第{count}区")
    for who in followers(count, district):
        Message.objects.create(
            kind="booking_confirmed",
            channel="template",
            follower=who,
            idempotency_key=f"booking:{who.pk}",
            next_attempt_at=timezone.now(),
            status=Message.Status.FAILED,
        )
    for number in range(count):
        draft(district)
        KeywordReply.objects.create(keywords=f"答题{count}-{number}", title="答题", text="去答题")
        MessageText.objects.create(kind=f"notice_{count}_{number}")


def queries(client, url: str) -> int:
    client.get(url)  # warm what a running site keeps
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", LISTINGS)
def test_query_count_is_pinned_whatever_the_rows(admin_client, name):
    url = reverse(name)
    rows(2)
    assert queries(admin_client, url) == LISTINGS[name]
    rows(8)
    assert queries(admin_client, url) == LISTINGS[name]


def test_followers_filter_by_subscribed_tag_and_binding_and_search_openid(admin_client):
    district = tag("江城区")
    tagged = follower(district)
    gone = follower(subscribed=False)
    bound = follower()
    bound.user = make_superuser("bound@example.cn")
    bound.save()
    url = reverse("wechat_followers:index")

    def listed(**params):
        return {f.openid for f in admin_client.get(url, params).context["object_list"]}

    assert listed(subscribed="false") == {gone.openid}
    assert listed(tags=district.pk) == {tagged.openid}
    assert listed(bound="true") == {bound.openid}
    assert listed(q=tagged.openid[-6:]) == {tagged.openid}


def test_follower_export_leaves_out_openids(admin_client):
    someone = follower()
    export = admin_client.get(reverse("wechat_followers:index"), {"export": "csv"})
    content = b"".join(export.streaming_content).decode()
    assert export.status_code == 200 and "关注中" in content
    assert someone.openid not in content


def test_messages_filter_by_status_channel_and_kind_and_search_key(admin_client):
    now = timezone.now()
    failed = Message.objects.create(
        kind="booking_confirmed",
        channel="template",
        idempotency_key="booking:1",
        next_attempt_at=now,
        status=Message.Status.FAILED,
    )
    emailed = Message.objects.create(
        kind="quiz_reminder",
        channel="email",
        email="t@example.cn",
        idempotency_key="quiz:2",
        next_attempt_at=now,
    )
    url = reverse("wechat_messages:index")

    def listed(**params):
        return {m.pk for m in admin_client.get(url, params).context["object_list"]}

    assert listed(status="failed") == {failed.pk}
    assert listed(channel="email") == {emailed.pk}
    assert listed(kind="quiz_reminder") == {emailed.pk}
    assert listed(q="booking:") == {failed.pk}
    detail = admin_client.get(reverse("wechat_messages:inspect", args=[failed.pk]))
    assert detail.status_code == 200
    assert admin_client.get(reverse("wechat_messages:index") + "new/").status_code == 404


def test_detail_pages_render(admin_client):
    someone = follower(tag("江城区"))
    broadcast = draft()
    pages = [
        reverse("wechat_followers:inspect", args=[someone.pk]),
        reverse("wechat_followers:edit", args=[someone.pk]),
        reverse("wechat_broadcasts:add"),
        reverse("wechat_broadcasts:edit", args=[broadcast.pk]),
        reverse("wechat_broadcasts:preview", args=[broadcast.pk]),
        reverse("wagtailsnippets_wechat_keywordreply:add"),
    ]
    for url in pages:
        assert admin_client.get(url).status_code == 200, url
