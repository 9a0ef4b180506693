"""Visit slots: one time window at one venue, with separate pools of places for school
groups and for the public."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.models.venues import Venue, WeeklyRule


class Pool(models.TextChoices):
    GROUP = "group", _("学校团体")
    PUBLIC = "public", _("个人/家庭")


class Slot(models.Model):
    """A visit slot. Capacities are in persons. ``*_taken`` mirror what the bookings and
    offers hold; the booking services recount them under the slot's lock whenever they
    change, and they only feed displays: no booking is ever decided from them."""

    venue = models.ForeignKey(
        Venue, verbose_name=_("场馆"), on_delete=models.CASCADE, related_name="slots"
    )
    day = models.DateField(_("日期"))
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    group_capacity = models.PositiveSmallIntegerField(_("团体名额（人）"))
    public_capacity = models.PositiveSmallIntegerField(_("散客名额（人）"))
    max_groups = models.PositiveSmallIntegerField(_("最多团体数"))
    rule = models.ForeignKey(
        WeeklyRule,
        verbose_name=_("来源规则"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
        editable=False,
    )
    closed = models.BooleanField(_("已停开"), default=False)
    note = models.CharField(_("备注"), max_length=80, blank=True)
    group_taken = models.PositiveIntegerField(_("团体已约（人）"), default=0, editable=False)
    public_taken = models.PositiveIntegerField(_("散客已约（人）"), default=0, editable=False)
    groups_taken = models.PositiveSmallIntegerField(_("已约团体数"), default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "venue"]
        verbose_name = _("场次")
        verbose_name_plural = _("场次")
        constraints = [
            models.UniqueConstraint(fields=["venue", "starts_at"], name="slot_start_per_venue")
        ]
        indexes = [models.Index(fields=["venue", "day"])]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{self.venue} {start:%Y-%m-%d %H:%M}–{end:%H:%M}"

    def save(self, *args, **kwargs):
        if self.starts_at:
            self.day = timezone.localdate(self.starts_at)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.starts_at >= self.ends_at:
            raise ValidationError({"ends_at": _("结束时间须晚于开始时间。")})

    def capacity(self, pool: str) -> int:
        return self.group_capacity if pool == Pool.GROUP else self.public_capacity

    def taken(self, pool: str) -> int:
        return self.group_taken if pool == Pool.GROUP else self.public_taken

    def places_left(self, pool: str) -> int:
        """Places shown as left (display only; bookings recount under the lock)."""
        left = max(self.capacity(pool) - self.taken(pool), 0)
        if pool == Pool.GROUP and self.groups_taken >= self.max_groups:
            return 0
        return left
