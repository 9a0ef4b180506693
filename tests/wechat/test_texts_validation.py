"""The message text form: every text checked against WeChat's limits with the kind's sample."""

import pytest

from tests.wechat.outbox_helpers import BOOKING
from wechat import texts
from wechat.models import MessageText
from wechat.text_admin import MessageTextViewSet

pytestmark = pytest.mark.django_db


def _form(data: dict, instance: MessageText | None = None):
    form_class = MessageTextViewSet.edit_handler.bind_to_model(MessageText).get_form_class()
    values = {"kind": BOOKING.key, "template_id": "", "subscribe_template_id": ""}
    values.update(email_subject="", email_body="")
    values.update(data)
    return form_class(values, instance=instance or MessageText(), for_user=None)


def test_valid_text_is_saved_and_blank_fields_keep_defaults():
    form = _form({"fields__thing1": "{venue} 团体参观", "fields__phrase4": "", "template_id": "t"})
    assert form.is_valid(), form.errors
    text = form.save()
    assert text.fields == {"thing1": "{venue} 团体参观"}
    assert texts.wording(BOOKING).fields["phrase4"] == "已确认"


def test_unknown_placeholder_is_refused_naming_the_placeholders():
    form = _form({"fields__thing1": "{venu}", "email_body": "{name} 您好"})
    assert not form.is_valid()
    assert form.errors["fields"] == [
        "不认识的占位符：{venu}。可用的占位符：{code}、{start}、{venue}。"
    ]
    assert "不认识的占位符：{name}" in form.errors["email_body"][0]


@pytest.mark.parametrize(
    ("field", "text", "limit"),
    [
        (
            "phrase4",
            "Confirmed",
            "“状态”（phrase4）按示例填写后不符合微信的要求：须为5个以内汉字。",
        ),
        ("phrase4", "预约已经确认", "须为5个以内汉字"),
        ("character_string3", "预约码{code}", "须为32位以内数字、字母或符号"),
        ("time2", "{venue}", "须为时间格式"),
    ],
)
def test_limits_fitting_cannot_fix_are_refused(field, text, limit):
    form = _form({f"fields__{field}": text})
    assert not form.is_valid()
    assert limit in form.errors["fields"][0]
    assert not MessageText.objects.exists()


def test_long_thing_is_accepted_since_it_is_cut_to_fit():
    form = _form({"fields__thing1": "{venue}欢迎各位师生前来参观学习并参加禁毒知识问答活动"})
    assert form.is_valid(), form.errors


def test_one_text_per_kind_and_kind_fixed_once_created():
    MessageText.objects.create(kind=BOOKING.key)
    form = _form({})
    assert not form.is_valid()
    assert "该消息类型已有文案" in str(form.errors["kind"])
    existing = MessageText.objects.get()
    form = _form({"kind": "channel_test", "fields__thing1": "{venue}"}, instance=existing)
    assert form.is_valid(), form.errors
    assert form.save().kind == BOOKING.key


def test_widget_lists_the_kinds_fields_with_limits_and_defaults():
    html = str(_form({})["fields"])
    assert 'name="fields__thing1"' in html
    assert "参观场馆（thing1）" in html
    assert "20个以内字符" in html
    assert "默认：已确认" in html


def test_help_text_says_wording_is_the_editors_responsibility():
    from wechat.text_admin import RESPONSIBILITY

    assert "营销" in str(RESPONSIBILITY) and "编辑负责" in str(RESPONSIBILITY)
