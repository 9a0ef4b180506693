import pytest

from wechat import kinds
from wechat.kinds import Field, Kind


def _kind(**changes) -> Kind:
    values = {
        "key": "test_kind",
        "label": "测试",
        "fields": (("thing1", "内容", "{x}"), ("character_string2", "编号", "{code}")),
        "email_subject": "测试",
        "email_body": "{x}",
        "sample": {"x": "示例", "code": "A1"},
    }
    return Kind(**{**values, **changes})


def test_register_and_get():
    kind = kinds.register(_kind())
    assert kinds.get("test_kind") is kind
    assert kind in kinds.all_kinds()
    assert kind.fields[1] == Field("character_string2", "编号", "{code}")
    assert kind.fields[1].type == "character_string"


def test_builtin_kinds():
    test = kinds.get("channel_test")
    assert [f.key for f in test.fields] == ["thing1", "time2"]
    assert test.fields[0].type == "thing"


def test_unknown_kind():
    with pytest.raises(LookupError):
        kinds.get("no_such_kind")


@pytest.mark.parametrize("key", ["thing", "colour1", "first", "Thing1"])
def test_field_keys_must_name_a_wechat_type(key):
    with pytest.raises(ValueError, match="Unknown WeChat template field type"):
        _kind(fields=((key, "内容", "x"),))


def test_channel_preference_is_template_or_subscribe():
    assert _kind(channel="subscribe").channel == "subscribe"
    with pytest.raises(ValueError):
        _kind(channel="mass")
