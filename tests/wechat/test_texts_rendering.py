import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.wechat.outbox_helpers import BOOKING, CONTEXT, edit_text
from wechat import texts

pytestmark = pytest.mark.django_db


def _render(context=None):
    return texts.render(texts.wording(BOOKING), context or CONTEXT)


def test_defaults_filled_from_the_context(settings):
    rendered = _render()
    assert rendered.data["thing1"] == "市禁毒教育基地"
    assert rendered.email_subject == "预约成功：市禁毒教育基地"
    assert rendered.url == settings.WAGTAILADMIN_BASE_URL + "/booking/AB12CD/"


def test_edited_text_wins_and_blank_parts_keep_the_default():
    edit_text(fields={"thing1": "{venue}（团体）"}, email_body="", template_id="tpl-new")
    words = texts.wording(BOOKING)
    assert words.template_id == "tpl-new"
    assert words.fields["phrase4"] == "已确认"
    assert words.email_body == BOOKING.email_body
    assert texts.render(words, CONTEXT).data["thing1"] == "市禁毒教育基地（团体）"


def test_missing_context_value_renders_empty():
    rendered = _render({"venue": "基地"})
    assert rendered.email_body == "您预约的 基地 参观已确认，时间 ，预约码 。"
    assert rendered.data["character_string3"] == "-"  # WeChat refuses empty fields


def test_dates_and_times_in_beijing_time():
    start = datetime.datetime(2026, 6, 26, 1, 30, tzinfo=datetime.UTC)
    rendered = _render({**CONTEXT, "start": start})
    assert rendered.data["time2"] == "2026年6月26日 09:30"
    assert texts.format_value(datetime.date(2026, 6, 1)) == "2026年6月1日"
    local = datetime.datetime(2026, 6, 26, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert texts.format_value(local) == "2026年6月26日 09:05"


def test_url_values_are_quoted():
    assert _render({**CONTEXT, "code": "A B/?"}).url.endswith("/booking/A%20B/%3F/")


@pytest.mark.parametrize(
    ("field_type", "value", "fitted"),
    [
        (
            "thing",
            "青少年禁毒知识竞赛决赛（市禁毒教育基地报告厅）",
            "青少年禁毒知识竞赛决赛（市禁毒教育基地…",
        ),
        ("thing", "短", "短"),
        ("character_string", "AB-12 预约码 #9", "AB-12#9"),
        ("character_string", "X" * 40, "X" * 32),
        ("phrase", "OK已确认了啊啊啊", "已确认了啊"),
        ("phrase", "OK", "无"),
        ("number", "共 120 人", "120"),
        ("phone_number", "电话：0871-1234 5678 转 123456789", "0871-123456781234"),
        ("name", "欧阳晓明同学家长代表人", "欧阳晓明同学家长代表"),
        ("name", "Alexander Maximilian Smith", "Alexander Maximilian"),
        (
            "const",
            "一二三四五六七八九十一二三四五六七八九十一",
            "一二三四五六七八九十一二三四五六七八九…",
        ),
        ("letter", "ab c1", "abc"),
        ("thing", "   ", "-"),
        ("thing", "两行\n文字", "两行 文字"),
    ],
)
def test_fields_are_fitted_to_wechat_limits(field_type, value, fitted):
    assert texts.fit(field_type, value) == fitted


def test_every_fitted_thing_is_within_20_characters():
    for length in range(0, 60):
        assert len(texts.fit("thing", "禁" * length)) <= 20
