from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleCategory(models.Model):
    """One of the six places anti-drug publicity goes into (禁毒宣传“六进”)."""

    name = models.CharField(_("名称"), max_length=20, unique=True)
    slug = models.SlugField(_("网址标识"), max_length=20, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("宣传阵地")
        verbose_name_plural = _("宣传阵地")

    def __str__(self) -> str:
        return self.name
