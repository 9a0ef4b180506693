"""Failures of WeChat's API, sorted into what the sender should do about them."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    TRANSIENT = "transient", _("暂时故障，稍后重试")
    TOKEN = "token", _("访问令牌无效")
    DAILY_QUOTA = "daily_quota", _("今日调用次数已用完")
    RATE_LIMITED = "rate_limited", _("调用过于频繁")
    UNFOLLOWED = "unfollowed", _("用户未关注")
    DROP = "drop", _("用户拒收或无效，不再发送")
    CONFIG = "config", _("配置错误")
    OTHER = "other", _("发送失败")


TOKEN_CODES = frozenset({40001, 40014, 42001})

_CATEGORIES = {
    -1: Category.TRANSIENT,
    **dict.fromkeys(TOKEN_CODES, Category.TOKEN),
    45009: Category.DAILY_QUOTA,
    45011: Category.RATE_LIMITED,
    43004: Category.UNFOLLOWED,
    **dict.fromkeys((43101, 48002, 40003), Category.DROP),
    # 40013 and 40125 (wrong app ID or secret) only come from the token call: a setup error.
    **dict.fromkeys((47003, 40037, 48001, 40164, 40013, 40125), Category.CONFIG),
}


def classify(code: int | None) -> Category:
    """The category of a WeChat errcode; None (no answer at all) is transient."""
    if code is None:
        return Category.TRANSIENT
    return _CATEGORIES.get(code, Category.OTHER)


class WeChatError(Exception):
    """A call to WeChat failed. ``code`` is WeChat's errcode, None when there was no answer."""

    def __init__(
        self,
        code: int | None,
        message: str,
        category: Category | None = None,
        result: dict | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.category = category or classify(code)
        self.result = result or {}  # WeChat's whole answer, when there was one
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.message if self.code is None else f"[{self.code}] {self.message}"


class NotConfigured(WeChatError):
    """The site has no WeChat account configured."""

    def __init__(self) -> None:
        super().__init__(None, gettext("微信未配置"), Category.CONFIG)
