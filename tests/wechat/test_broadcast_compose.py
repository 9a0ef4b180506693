"""Composing a broadcast in the admin: a draft to preview, a clear error for a missing
audience or an over-long text, a form prefilled from a page."""

import pytest
from django.urls import reverse

from tests.factories import add_campaign, build_site, make_superuser
from tests.wechat.broadcast_helpers import tag
from wechat.models import Broadcast

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


def test_a_saved_draft_goes_to_its_preview(admin_client):
    district = tag("江城区")
    response = admin_client.post(
        reverse("wechat_broadcasts:add"),
        {"title": "答题提醒", "text": "本周禁毒知识答题开始了。", "tags": [district.pk]},
    )
    broadcast = Broadcast.objects.get()
    assert response["Location"] == reverse("wechat_broadcasts:preview", args=[broadcast.pk])
    assert broadcast.status == Broadcast.Status.DRAFT
    assert list(broadcast.tags.all()) == [district]
    assert broadcast.created_by.email == "editor@example.cn"


def test_an_audience_is_required(admin_client):
    response = admin_client.post(
        reverse("wechat_broadcasts:add"), {"title": "答题提醒", "text": "答题开始了。"}
    )
    assert response.status_code == 200
    assert "请选择“全部关注者”，或至少选择一个标签。" in response.content.decode()
    assert not Broadcast.objects.exists()


def test_the_text_is_at_most_600_characters(admin_client):
    response = admin_client.post(
        reverse("wechat_broadcasts:add"), {"title": "提醒", "text": "禁" * 601, "to_all": "on"}
    )
    assert response.status_code == 200
    assert not Broadcast.objects.exists()


def test_a_page_prefills_the_form(admin_client):
    tree = build_site()
    campaign = add_campaign(
        tree.campaigns, "6·26国际禁毒日宣传月", summary="全市开展禁毒宣传进校园活动。"
    )
    form = admin_client.get(reverse("wechat_broadcasts:add"), {"page": campaign.pk})
    html = form.content.decode()
    assert 'value="6·26国际禁毒日宣传月"' in html
    assert "全市开展禁毒宣传进校园活动。</textarea>" in html
    assert form.context["form"].initial["page"] == campaign


@pytest.mark.parametrize("page", ["abc", "²", "１２", "9" * 40, "-1", "999999"])
def test_an_odd_page_parameter_gives_an_empty_form(admin_client, page):
    form = admin_client.get(reverse("wechat_broadcasts:add"), {"page": page})
    assert form.status_code == 200
    assert form.context["form"].initial.get("page") is None


def test_a_started_broadcast_cannot_be_edited_or_deleted(admin_client):
    broadcast = Broadcast.objects.create(
        title="已发送", text="内容", to_all=True, status=Broadcast.Status.SENDING
    )
    progress = reverse("wechat_broadcasts:progress", args=[broadcast.pk])
    edit = admin_client.get(reverse("wechat_broadcasts:edit", args=[broadcast.pk]))
    assert edit["Location"] == progress
    admin_client.post(reverse("wechat_broadcasts:delete", args=[broadcast.pk]))
    assert Broadcast.objects.filter(pk=broadcast.pk).exists()


def test_a_draft_is_edited_then_previewed_again(admin_client):
    broadcast = Broadcast.objects.create(title="提醒", text="旧内容", to_all=True)
    response = admin_client.post(
        reverse("wechat_broadcasts:edit", args=[broadcast.pk]),
        {"title": "提醒", "text": "新内容", "to_all": "on"},
    )
    assert response["Location"] == reverse("wechat_broadcasts:preview", args=[broadcast.pk])
    broadcast.refresh_from_db()
    assert broadcast.text == "新内容"


def test_only_a_live_page_can_be_linked(admin_client):
    tree = build_site()
    campaign = add_campaign(tree.campaigns, "专题")
    campaign.unpublish()
    response = admin_client.post(
        reverse("wechat_broadcasts:add"),
        {"title": "提醒", "text": "内容", "to_all": "on", "page": campaign.pk},
    )
    assert "只能链接已发布、可访问的页面。" in response.content.decode()
    assert not Broadcast.objects.exists()
