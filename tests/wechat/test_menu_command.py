"""manage.py push_wechat_menu prints the menu and sends it to WeChat."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wechat.models import KeywordReply

pytestmark = pytest.mark.django_db

MENU_CREATE = "/cgi-bin/menu/create"


@pytest.fixture
def replies():
    KeywordReply.objects.create(
        title="答题", text="…", menu_label="答题", url="https://example.cn/q"
    )
    hotline = KeywordReply.objects.create(title="热线", text="0000-12345", menu_label="热线")
    return hotline


def test_the_built_menu_is_posted(fake_wechat, replies, capsys):
    call_command("push_wechat_menu")

    [call] = fake_wechat.calls_to(MENU_CREATE)
    expected = {
        "button": [
            {"type": "view", "name": "答题", "url": "https://example.cn/q"},
            {"type": "click", "name": "热线", "key": f"reply:{replies.pk}"},
        ]
    }
    assert call.body == expected
    out = capsys.readouterr().out
    assert json.loads(out[: out.rindex("}") + 1]) == expected
    assert "自定义菜单已发送" in out


def test_dry_run_sends_nothing(fake_wechat, replies, capsys):
    call_command("push_wechat_menu", "--dry-run")
    assert fake_wechat.calls_to(MENU_CREATE) == []
    assert '"name": "热线"' in capsys.readouterr().out


def test_wechat_refusal_is_reported(fake_wechat, replies):
    fake_wechat.fail_next(MENU_CREATE, 40018)
    with pytest.raises(CommandError, match="40018"):
        call_command("push_wechat_menu")


def test_not_configured_is_reported(settings, replies):
    settings.WECHAT_APP_ID = settings.WECHAT_APP_SECRET = ""
    with pytest.raises(CommandError, match="未配置") as refused:
        call_command("push_wechat_menu")
    assert refused.value.returncode == 1


def test_empty_menu_is_reported(fake_wechat):
    with pytest.raises(CommandError, match="自定义菜单为空"):
        call_command("push_wechat_menu")
    assert fake_wechat.calls_to(MENU_CREATE) == []
