"""Publishing a campaign for the first time offers the editor a broadcast, prefilled with
the page; it never sends anything by itself. Other pages and later publications do not."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education.models import ArticlePage, CampaignPage
from tests.factories import build_site, make_superuser, today
from tests.wechat.broadcast_helpers import editor
from wechat.models import Broadcast, Message
from wechat.wagtail_hooks import offer_broadcast

pytestmark = pytest.mark.django_db

OFFER = "发送微信群发提醒"


@pytest.fixture
def tree():
    return build_site()


@pytest.fixture
def admin_client(client):
    client.force_login(make_superuser())
    return client


def campaign_draft(tree) -> CampaignPage:
    page = CampaignPage(
        title="6·26国际禁毒日宣传月",
        slug="626",
        theme="健康人生　绿色无毒",
        summary="全市开展禁毒宣传进校园活动。",
        start_date=today(),
        end_date=today() + datetime.timedelta(days=30),
        live=False,
    )
    tree.campaigns.add_child(instance=page)
    page.save_revision()
    return page


def publish_in_admin(client, page: CampaignPage):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "theme": page.theme,
            "summary": page.summary,
            "start_date": page.start_date.isoformat(),
            "end_date": page.end_date.isoformat(),
            "body": streamfield([("paragraph", rich_text("<p>宣传月活动安排。</p>"))]),
            "related_pages": inline_formset([]),
        }
    )
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    # Shown (and used up) on the page the editor lands on.
    return [str(message) for message in client.get(response["Location"]).context["messages"]]


def test_first_publication_offers_a_prefilled_broadcast(tree, admin_client):
    page = campaign_draft(tree)
    shown = publish_in_admin(admin_client, page)

    offer = reverse("wechat_broadcasts:add") + "?" + urlencode({"page": page.pk})
    assert any(OFFER in text and offer in text for text in shown)
    assert not Broadcast.objects.exists()
    assert not Message.objects.exists()

    form = admin_client.get(offer).content.decode()
    assert "全市开展禁毒宣传进校园活动。</textarea>" in form


def test_publishing_again_does_not_offer_it_again(tree, admin_client):
    page = campaign_draft(tree)
    publish_in_admin(admin_client, page)
    assert not any(OFFER in text for text in publish_in_admin(admin_client, page))


def test_other_pages_do_not_offer_a_broadcast(tree, admin_client):
    article = ArticlePage(title="禁毒资讯", slug="news-1", date=today(), live=False)
    tree.news.add_child(instance=article)
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "date": article.date.isoformat(),
            "body": streamfield([("paragraph", rich_text("<p>内容。</p>"))]),
            "categories": [],
            "tags": "",
        }
    )
    data["action-publish"] = "publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert not any(OFFER in str(m) for m in get_messages(response.wsgi_request))


def test_an_editor_who_may_not_send_broadcasts_is_not_offered_one(tree, rf):
    page = campaign_draft(tree)
    page.get_latest_revision().publish()
    request = rf.get("/admin/")
    request.user = editor("publisher@example.cn")  # admin access, no WeChat permission
    request.session = {}
    request._messages = FallbackStorage(request)

    offer_broadcast(request, page.specific_class.objects.get(pk=page.pk))

    assert not any(OFFER in str(message) for message in request._messages)
