import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# Words that always bring the list of keywords, whatever replies editors define.
HELP_WORDS = ("帮助", "?", "？")
MENU_TOP_WIDTH = 8  # 4 Chinese characters (a Latin letter or digit counts half)
MENU_SUB_WIDTH = 16  # 8 Chinese characters
MENU_MAX_TOP = 3
MENU_MAX_SUB = 5

_SEPARATORS = re.compile(r"[,，、\s]+")


def split_keywords(text: str) -> list[str]:
    """The keywords of a comma-, 、- or space-separated list, trimmed, without repeats."""
    words, seen = [], set()
    for word in _SEPARATORS.split(text or ""):
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return words


def label_width(label: str) -> int:
    """The width WeChat's menu allows for: a Chinese character counts two, a letter one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)


class KeywordReply(models.Model):
    """What the account answers to a keyword or a custom-menu button: a link card into the
    site (a page or an address) or a plain text."""

    keywords = models.CharField(
        _("关键词"),
        max_length=200,
        blank=True,
        help_text=_(
            "多个关键词用逗号、顿号或空格分隔；与用户发送的文字完全一致时回复（不区分大小写）。"
        ),
    )
    title = models.CharField(
        _("标题"), max_length=64, help_text=_("图文消息的标题，也用于帮助信息中的说明。")
    )
    text = models.TextField(
        _("回复内容"), max_length=600, help_text=_("图文消息的摘要；没有链接时作为文字回复。")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("链接页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(
        _("链接地址"), max_length=500, blank=True, help_text=_("不链接本站页面时填写完整网址。")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    menu_label = models.CharField(
        _("菜单名称"), max_length=16, blank=True, help_text=_("留空则不放入公众号自定义菜单。")
    )
    menu_group = models.CharField(
        _("所属一级菜单"),
        max_length=16,
        blank=True,
        help_text=_("填写一级菜单名称则作为其子菜单；留空则本身是一级菜单。"),
    )
    menu_order = models.IntegerField(_("菜单顺序"), default=0)
    active = models.BooleanField(_("启用"), default=True)

    panels = [
        FieldPanel("keywords"),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("page"), FieldPanel("url"), FieldPanel("image")], heading=_("链接")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("menu_label"), FieldPanel("menu_group")]),
                FieldPanel("menu_order"),
            ],
            heading=_("自定义菜单"),
        ),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["menu_order", "id"]
        verbose_name = _("关键词回复")
        verbose_name_plural = _("关键词回复")

    def __str__(self):
        return self.title

    @property
    def keyword_list(self) -> list[str]:
        return split_keywords(self.keywords)

    @property
    def link(self) -> str:
        """The absolute address the reply points to, or "" when it has none."""
        if self.page_id and self.page.live:
            return self.page.full_url or ""
        return self.url

    def clean(self):
        super().clean()
        errors = {}
        self._clean_keywords(errors)
        if self.page_id and self.url:
            errors["url"] = _("链接页面和链接地址只能填写一项。")
        self._clean_menu(errors)
        if errors:
            raise ValidationError(errors)

    def _others(self):
        return KeywordReply.objects.filter(active=True).exclude(pk=self.pk)

    def _clean_keywords(self, errors: dict) -> None:
        words = self.keyword_list
        if not words and not self.menu_label:
            errors["keywords"] = _("请至少填写一个关键词，或设置菜单名称。")
            return
        if not self.active:
            return
        taken = {w.casefold(): other for other in self._others() for w in other.keyword_list}
        for word in words:
            if word.casefold() in {w.casefold() for w in HELP_WORDS}:
                errors["keywords"] = _("「%(word)s」已用于帮助信息，请换一个关键词。") % {
                    "word": word
                }
                return
            if word.casefold() in taken:
                errors["keywords"] = _("关键词「%(word)s」已被「%(title)s」使用。") % {
                    "word": word,
                    "title": taken[word.casefold()].title,
                }
                return

    def _clean_menu(self, errors: dict) -> None:
        if not self.menu_label:
            if self.menu_group:
                errors["menu_group"] = _("请先填写菜单名称。")
            return
        if self.menu_group:
            if label_width(self.menu_label) > MENU_SUB_WIDTH:
                errors["menu_label"] = _("子菜单名称最多 8 个汉字（16 个字母或数字）。")
            if label_width(self.menu_group) > MENU_TOP_WIDTH:
                errors["menu_group"] = _("一级菜单名称最多 4 个汉字（8 个字母或数字）。")
        elif label_width(self.menu_label) > MENU_TOP_WIDTH:
            errors["menu_label"] = _("一级菜单名称最多 4 个汉字（8 个字母或数字）。")
        if not self.active or errors:
            return
        in_menu = [r for r in self._others() if r.menu_label] + [self]
        tops = {r.menu_group or f"#{r.pk or 'new'}" for r in in_menu}
        if len(tops) > MENU_MAX_TOP:
            errors["menu_label"] = _("自定义菜单最多 3 个一级菜单。")
        elif self.menu_group and (
            sum(r.menu_group == self.menu_group for r in in_menu) > MENU_MAX_SUB
        ):
            errors["menu_group"] = _("每个一级菜单最多 5 个子菜单。")
