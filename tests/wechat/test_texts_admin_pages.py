"""Editors change message texts in the Wagtail admin; bad texts are refused with the reason."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser
from tests.wechat.outbox_helpers import BOOKING
from wechat.models import MessageText

pytestmark = pytest.mark.django_db

NAMESPACE = "wagtailsnippets_wechat_messagetext"


@pytest.fixture
def editor(client):
    client.force_login(make_superuser())
    return client


def _post(client, url, **fields):
    data = {"kind": BOOKING.key, "template_id": "", "subscribe_template_id": ""}
    data.update({"email_subject": "", "email_body": "", **fields})
    return client.post(url, data)


def test_create_then_edit_a_text(editor):
    page = editor.get(reverse(f"{NAMESPACE}:add"))
    assert page.status_code == 200
    assert "营销" in page.content.decode()
    response = _post(editor, reverse(f"{NAMESPACE}:add"), template_id="tpl-1")
    assert response.status_code == 302
    text = MessageText.objects.get()
    edit_url = reverse(f"{NAMESPACE}:edit", args=[text.pk])
    page = editor.get(edit_url).content.decode()
    assert 'name="fields__thing1"' in page and "参观场馆（thing1）" in page
    response = _post(editor, edit_url, fields__thing1="{venue}团体参观", template_id="tpl-1")
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.fields == {"thing1": "{venue}团体参观"}


def test_bad_text_is_refused_with_the_field_and_limit(editor):
    text = MessageText.objects.create(kind=BOOKING.key, template_id="tpl-1")
    edit_url = reverse(f"{NAMESPACE}:edit", args=[text.pk])
    response = _post(editor, edit_url, fields__phrase4="OK", email_subject="{oops}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "“状态”（phrase4）按示例填写后不符合微信的要求：须为5个以内汉字" in page
    assert "不认识的占位符：{oops}" in page
    text.refresh_from_db()
    assert text.fields == {} and text.email_subject == ""
