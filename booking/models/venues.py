"""Venues (the city base and district bases), their photos, weekly opening rules and
closures. Every booking rule a venue can tune lives on the venue, with museum-like defaults."""

from datetime import time

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from education.models import District

# Words the public booking site uses before a venue's slug (booking/visit_urls.py).
RESERVED_SLUGS = frozenset({"my", "slot", "booking", "waitlist", "checkin", "lecturers"})


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("星期一")
    TUESDAY = 1, _("星期二")
    WEDNESDAY = 2, _("星期三")
    THURSDAY = 3, _("星期四")
    FRIDAY = 4, _("星期五")
    SATURDAY = 5, _("星期六")
    SUNDAY = 6, _("星期日")


def _hours(label, default, help_text):
    return models.PositiveSmallIntegerField(label, default=default, help_text=help_text)


class Venue(ClusterableModel):
    """A place groups and the public visit: the city's base or a district's base."""

    name = models.CharField(_("名称"), max_length=60, unique=True)
    slug = models.SlugField(_("网址名"), max_length=60, unique=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("所在区县"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
        help_text=_("市级基地留空。"),
    )
    summary = models.CharField(_("简介"), max_length=200, blank=True)
    description = models.TextField(_("详细介绍"), blank=True)
    address = models.CharField(_("地址"), max_length=120)
    map_url = models.URLField(_("地图链接"), blank=True)
    opening_hours = models.CharField(
        _("开放时间"), max_length=120, help_text=_("如“周二至周日 9:00–16:30，周一闭馆”。")
    )
    phone = models.CharField(_("联系电话"), max_length=30)
    published = models.BooleanField(_("公开预约"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    # Defaults for slots made from weekly rules.
    group_capacity = models.PositiveSmallIntegerField(_("团体名额（人）"), default=120)
    public_capacity = models.PositiveSmallIntegerField(_("散客名额（人）"), default=30)
    max_groups = models.PositiveSmallIntegerField(_("每场最多团体数"), default=3)

    # Booking window.
    opens_days_ahead = models.PositiveSmallIntegerField(
        _("提前开放天数"),
        default=30,
        validators=[MaxValueValidator(366)],
        help_text=_("场次在开始前多少天开放预约（最多 366 天）。"),
    )
    release_time = models.TimeField(
        _("放号时间"), default=time(9, 0), help_text=_("开放预约当天几点放号。")
    )
    cutoff_hours = _hours(_("截止预约（开场前小时）"), 24, _("开场前多少小时停止预约。"))
    cancel_hours = _hours(_("取消截止（开场前小时）"), 24, _("开场前多少小时起不能再取消。"))

    # Groups.
    min_group_size = models.PositiveSmallIntegerField(_("团体最少人数"), default=10)
    max_group_size = models.PositiveSmallIntegerField(_("团体最多人数"), default=60)
    students_per_teacher = models.PositiveSmallIntegerField(
        _("每名带队教师最多学生数"),
        default=20,
        validators=[MinValueValidator(1)],
        help_text=_("如 20：每 20 名学生至少 1 名教师。"),
    )
    max_open_per_school = models.PositiveSmallIntegerField(
        _("每校未完成预约上限"), default=3, help_text=_("一所学校同时持有的未来预约数。")
    )
    requires_approval = models.BooleanField(
        _("团体预约需审核"), default=False, help_text=_("审核期间名额为该团体保留。")
    )
    review_hours = _hours(
        _("审核期限（小时）"), 48, _("待审核预约保留名额的时长，不晚于预约截止时间。")
    )

    # Public visitors.
    max_party_size = models.PositiveSmallIntegerField(
        _("散客每单最多人数"), default=5, validators=[MinValueValidator(1)]
    )
    max_open_per_person = models.PositiveSmallIntegerField(_("每人未完成预约上限"), default=2)

    # Waiting list.
    offer_hours = models.PositiveSmallIntegerField(
        _("候补通知有效期（小时）"),
        default=12,
        validators=[MinValueValidator(1)],
        help_text=_("候补者须在此时间内确认。"),
    )
    waitlist_cutoff_hours = _hours(
        _("候补截止（开场前小时）"), 24, _("开场前多少小时起不再发出候补通知。")
    )

    # Arrival and no-shows.
    arrival_before_minutes = models.PositiveSmallIntegerField(_("提前签到（分钟）"), default=60)
    arrival_after_minutes = models.PositiveSmallIntegerField(
        _("迟到签到（分钟）"), default=60, help_text=_("开场后多少分钟内仍可签到。")
    )
    partial_show_percent = models.PositiveSmallIntegerField(
        _("部分爽约线（%）"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("实到人数低于预约人数的这个比例，记为部分爽约。"),
    )
    no_show_limit = models.PositiveSmallIntegerField(
        _("爽约次数上限"), default=3, validators=[MinValueValidator(1)]
    )
    no_show_period_days = models.PositiveSmallIntegerField(_("爽约统计周期（天）"), default=90)
    suspension_days = models.PositiveSmallIntegerField(_("暂停预约天数"), default=30)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("district"),
                FieldPanel("summary"),
                FieldPanel("description"),
                FieldPanel("address"),
                FieldPanel("map_url"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
            ],
            heading=_("基本信息"),
        ),
        InlinePanel("photos", heading=_("照片"), label=_("照片")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("group_capacity"),
                        FieldPanel("public_capacity"),
                        FieldPanel("max_groups"),
                    ]
                ),
                FieldRowPanel([FieldPanel("opens_days_ahead"), FieldPanel("release_time")]),
                FieldRowPanel([FieldPanel("cutoff_hours"), FieldPanel("cancel_hours")]),
            ],
            heading=_("名额与预约时间"),
        ),
        InlinePanel("rules", heading=_("每周开放场次"), label=_("场次")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_group_size"), FieldPanel("max_group_size")]),
                FieldRowPanel(
                    [FieldPanel("students_per_teacher"), FieldPanel("max_open_per_school")]
                ),
                FieldRowPanel([FieldPanel("requires_approval"), FieldPanel("review_hours")]),
                FieldRowPanel([FieldPanel("max_party_size"), FieldPanel("max_open_per_person")]),
            ],
            heading=_("团体与散客规则"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("offer_hours"), FieldPanel("waitlist_cutoff_hours")]),
                FieldRowPanel(
                    [FieldPanel("arrival_before_minutes"), FieldPanel("arrival_after_minutes")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("partial_show_percent"),
                        FieldPanel("no_show_limit"),
                        FieldPanel("no_show_period_days"),
                        FieldPanel("suspension_days"),
                    ]
                ),
            ],
            heading=_("候补、签到与爽约"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("场馆")
        verbose_name_plural = _("场馆")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("“%(slug)s”是系统保留的网址名，请换一个。") % {"slug": self.slug}}
            )
        if self.waitlist_cutoff_hours < self.cutoff_hours:
            raise ValidationError(
                {
                    "waitlist_cutoff_hours": _(
                        "候补截止不能晚于预约截止：请填写不少于预约截止的小时数。"
                    )
                }
            )
        if self.min_group_size > self.max_group_size:
            raise ValidationError({"min_group_size": _("团体最少人数不能大于最多人数。")})


class VenuePhoto(Orderable):
    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("说明"), max_length=80, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class WeeklyRule(Orderable):
    """A slot held every week on one weekday, e.g. Tuesday 09:00–10:30 for 120 persons.
    Capacities left empty take the venue's defaults."""

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="rules")
    weekday = models.PositiveSmallIntegerField(_("星期"), choices=Weekday.choices)
    start = models.TimeField(_("开始"))
    end = models.TimeField(_("结束"))
    group_capacity = models.PositiveSmallIntegerField(_("团体名额（人）"), null=True, blank=True)
    public_capacity = models.PositiveSmallIntegerField(_("散客名额（人）"), null=True, blank=True)
    max_groups = models.PositiveSmallIntegerField(_("最多团体数"), null=True, blank=True)
    valid_from = models.DateField(_("生效日期"), null=True, blank=True)
    valid_until = models.DateField(_("失效日期"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel(
            [
                FieldPanel("group_capacity"),
                FieldPanel("public_capacity"),
                FieldPanel("max_groups"),
            ]
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("每周场次")
        verbose_name_plural = _("每周场次")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self) -> None:
        if self.start and self.end and self.start >= self.end:
            raise ValidationError({"end": _("结束时间须晚于开始时间。")})
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValidationError({"valid_until": _("失效日期不能早于生效日期。")})


class Closure(models.Model):
    """Days a venue is closed (a holiday, maintenance); no slots are held on them. A venue
    left empty means every venue. Weekly closing days (e.g. Mondays) simply have no rule."""

    venue = models.ForeignKey(
        Venue,
        verbose_name=_("场馆"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="closures",
        help_text=_("留空表示所有场馆。"),
    )
    first_day = models.DateField(_("开始日期"))
    last_day = models.DateField(_("结束日期"))
    reason = models.CharField(_("原因"), max_length=60, help_text=_("如“国庆节闭馆”。"))

    class Meta:
        ordering = ["first_day"]
        verbose_name = _("闭馆日")
        verbose_name_plural = _("闭馆日")

    def __str__(self) -> str:
        if self.first_day == self.last_day:
            return f"{self.first_day:%Y-%m-%d} {self.reason}"
        return f"{self.first_day:%Y-%m-%d}–{self.last_day:%Y-%m-%d} {self.reason}"

    def clean(self) -> None:
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise ValidationError({"last_day": _("结束日期不能早于开始日期。")})
