"""Periods and the kept counts behind every knowledge rate.

知晓率 of a group for a period = students on the roster whose best result in the period
passes ÷ students on the roster. One ``Result`` row per (student, period) holds a student's
state; ``RateCount`` rows per (class, period) hold the sums, changed in the submit
transaction only when a student's state changes (first attempt, first pass, a better best
score). School, district and city figures are sums of these rows; ``rebuild_rates``
recomputes them from the attempts.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "Period | None":
        """The period containing ``on`` (today), else the latest that has started."""
        on = on or timezone.localdate()
        started = self.filter(starts_on__lte=on).order_by("-starts_on")
        return started.filter(ends_on__gte=on).first() or started.first()


class Period(models.Model):
    """A stretch of time rates are counted over, e.g. 2026–2027学年, set by city admins."""

    name = models.CharField(
        _("名称"), max_length=40, unique=True, help_text=_("如“2026–2027学年”。")
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    # Set when the students' personal data of the period were purged (education/retention.py):
    # its counts are final from then on, and nothing recomputes them.
    purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True, editable=False)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("统计周期")
        verbose_name_plural = _("统计周期")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="period_ends_after"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Result(models.Model):
    """A student's standing in a period, over every quiz that counts in it."""

    student = models.ForeignKey(
        "education.Student",
        verbose_name=_("学生"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    # Indexed by the (period, passed) index below.
    period = models.ForeignKey(
        Period,
        verbose_name=_("统计周期"),
        on_delete=models.CASCADE,
        related_name="results",
        db_index=False,
    )
    attempts = models.PositiveIntegerField(_("答题次数"), default=0)
    first_score = models.PositiveSmallIntegerField(_("首次得分"))
    best_score = models.PositiveSmallIntegerField(_("最高得分"))
    passed = models.BooleanField(_("已达标"), default=False)
    first_attempt_at = models.DateTimeField(_("首次答题时间"))
    first_passed_at = models.DateTimeField(_("首次达标时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("学生成绩")
        verbose_name_plural = _("学生成绩")
        constraints = [
            models.UniqueConstraint(fields=["student", "period"], name="one_result_per_period")
        ]
        indexes = [models.Index(fields=["period", "passed"], name="result_period_passed")]

    def __str__(self) -> str:
        return f"{self.student_id} · {self.period_id}: {self.best_score}"


class RateCount(models.Model):
    """Participants, passes and the sum of best scores of one class's active students in a
    period. Scores are percentages, so 平均分 = best_score_sum ÷ participants."""

    school = models.ForeignKey(
        "education.School", on_delete=models.CASCADE, related_name="rate_counts"
    )
    school_class = models.ForeignKey(
        "education.SchoolClass", on_delete=models.CASCADE, related_name="rate_counts"
    )
    # Indexed by (period, school) below: a period-only index would tempt PostgreSQL away
    # from it when a district's schools are summed.
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="rate_counts", db_index=False
    )
    participants = models.PositiveIntegerField(default=0)
    passed = models.PositiveIntegerField(default=0)
    best_score_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school_class", "period"], name="one_count_per_class")
        ]
        indexes = [models.Index(fields=["period", "school"], name="ratecount_period_school")]

    def __str__(self) -> str:
        return f"{self.school_class_id} · {self.period_id}: {self.passed}/{self.participants}"


class DailyProgress(models.Model):
    """First attempts and first passes per district and day: the rate-over-time chart is a
    running sum of these rows."""

    # Indexed by the unique (period, district, date) constraint.
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="daily_progress", db_index=False
    )
    district = models.ForeignKey(
        "education.District", on_delete=models.CASCADE, related_name="daily_progress"
    )
    date = models.DateField()
    new_participants = models.PositiveIntegerField(default=0)
    new_passes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "district", "date"], name="one_progress_per_district_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district_id} · {self.date}: +{self.new_passes}"
