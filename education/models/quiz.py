"""The question bank, quiz pages and attempts.

An attempt keeps a snapshot of what was asked (text, choices in the order shown, the key
and the explanation), so editing a question never changes a past attempt. The key stays on
the server until the attempt is submitted.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from education.chinese_search import ChineseAutocompleteField, ChineseSearchField
from education.models.rates import Period
from education.models.schools import GradeBand

CERTIFICATE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_certificate_code() -> str:
    return "".join(secrets.choice(CERTIFICATE_CODE_ALPHABET) for _ in range(10))


class Question(index.Indexed, ClusterableModel):
    """A question of the bank, with two to six choices."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("单选题")
        MULTIPLE = "multiple", _("多选题")
        TRUE_FALSE = "true_false", _("判断题")

    class Category(models.TextChoices):
        DRUG_TYPES = "drug_types", _("毒品种类")
        HARMS = "harms", _("危害")
        LAW = "law", _("法律法规")
        REFUSAL = "refusal", _("拒毒技能")
        HELP = "help", _("求助与戒治")

    class Difficulty(models.IntegerChoices):
        EASY = 1, _("容易")
        MEDIUM = 2, _("中等")
        HARD = 3, _("较难")

    text = models.TextField(_("题干"), max_length=500)
    kind = models.CharField(_("题型"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices)
    difficulty = models.PositiveSmallIntegerField(
        _("难度"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    for_primary = models.BooleanField(_("小学"), default=False)
    for_junior = models.BooleanField(_("初中"), default=False)
    for_senior = models.BooleanField(_("高中/中职"), default=False)
    for_university = models.BooleanField(_("大学"), default=False)
    explanation = models.TextField(_("解析"), max_length=1000, help_text=_("交卷后向答题者显示。"))
    active = models.BooleanField(_("启用"), default=True, help_text=_("停用的题目不再被抽取。"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("category"), FieldPanel("difficulty")]),
        InlinePanel("choices", label=_("选项"), min_num=2, max_num=6),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("for_primary"),
                        FieldPanel("for_junior"),
                        FieldPanel("for_senior"),
                        FieldPanel("for_university"),
                    ]
                )
            ],
            heading=_("适用学段"),
        ),
        FieldPanel("active"),
    ]
    search_fields = [
        ChineseSearchField("text"),
        ChineseAutocompleteField("text"),
        ChineseSearchField("explanation"),
        index.FilterField("kind"),
        index.FilterField("category"),
        index.FilterField("difficulty"),
        index.FilterField("for_primary"),
        index.FilterField("for_junior"),
        index.FilterField("for_senior"),
        index.FilterField("for_university"),
        index.FilterField("active"),
    ]

    BAND_FIELDS = {
        GradeBand.PRIMARY: "for_primary",
        GradeBand.JUNIOR: "for_junior",
        GradeBand.SENIOR: "for_senior",
        GradeBand.UNIVERSITY: "for_university",
    }

    class Meta:
        ordering = ["category", "pk"]
        verbose_name = _("题目")
        verbose_name_plural = _("题库")

    def __str__(self) -> str:
        return self.text if len(self.text) <= 40 else f"{self.text[:40]}…"


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("选项内容"), max_length=200)
    correct = models.BooleanField(_("正确答案"), default=False)

    panels = [FieldPanel("text"), FieldPanel("correct")]

    class Meta(Orderable.Meta):
        verbose_name = _("选项")
        verbose_name_plural = _("选项")

    def __str__(self) -> str:
        return self.text


class QuizIndexPage(Page):
    """The list of open quizzes (/答题/)."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.QuizPage"]
    max_count = 1

    class Meta:
        verbose_name = _("答题栏目")


class QuizPage(Page):
    """A quiz: who may take it, how its questions are drawn, how it is marked and whether it
    counts toward the knowledge rate."""

    class Audience(models.TextChoices):
        STUDENTS = "students", _("在册学生（凭班级码或加入链接、学号和姓名）")
        PUBLIC = "public", _("社会公众（无需身份）")

    class Draw(models.TextChoices):
        FIXED = "fixed", _("固定题目")
        RANDOM = "random", _("按类别随机抽题（按学生学段）")

    intro = RichTextField(
        _("答题说明"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    audience = models.CharField(
        _("答题对象"), max_length=10, choices=Audience.choices, default=Audience.STUDENTS
    )
    draw = models.CharField(_("出题方式"), max_length=10, choices=Draw.choices, default=Draw.RANDOM)
    per_category = models.PositiveSmallIntegerField(
        _("每类抽题数"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("随机抽题时，五个类别各抽几题。"),
    )
    public_band = models.CharField(
        _("公众答题学段"),
        max_length=12,
        choices=GradeBand.choices,
        default=GradeBand.UNIVERSITY,
        help_text=_("面向公众随机抽题时，按此学段的题目抽取。"),
    )
    shuffle_choices = models.BooleanField(_("打乱选项顺序"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("及格线（%）"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("限时（分钟）"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text=_("留空为不限时。"),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("可答次数"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    opens_at = models.DateTimeField(_("开放时间"), null=True, blank=True)
    closes_at = models.DateTimeField(_("截止时间"), null=True, blank=True)
    counts_toward_rate = models.BooleanField(_("计入知晓率"), default=True)
    period = models.ForeignKey(
        Period,
        verbose_name=_("计入统计周期"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quizzes",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("draw"),
                FieldPanel("per_category"),
                FieldPanel("public_band"),
                InlinePanel("fixed_questions", label=_("固定题目")),
                FieldPanel("shuffle_choices"),
            ],
            heading=_("出题"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]),
                FieldPanel("attempts_allowed"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("规则"),
        ),
        MultiFieldPanel(
            [FieldPanel("counts_toward_rate"), FieldPanel("period")], heading=_("知晓率")
        ),
    ]

    parent_page_types = ["education.QuizIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("答题")

    @property
    def for_students(self) -> bool:
        return self.audience == self.Audience.STUDENTS

    @property
    def counts(self) -> bool:
        """Whether results of this quiz feed a period's knowledge rate."""
        return self.for_students and self.counts_toward_rate and self.period_id is not None

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return (self.opens_at is None or self.opens_at <= at) and (
            self.closes_at is None or at < self.closes_at
        )


class QuizQuestion(Orderable):
    """One question of a quiz with a fixed list."""

    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, verbose_name=_("题目"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("固定题目")
        verbose_name_plural = _("固定题目")


class Attempt(models.Model):
    """One sitting of a quiz by a student, a logged-in adult or an anonymous visitor.

    ``questions`` is the snapshot drawn at the start: a list of
    ``{"id", "kind", "category", "text", "choices": [{"key", "text"}], "key": [...],
    "explanation"}``; ``answers`` maps the position (as a string) to the chosen keys.
    Scores are percentages (0–100).
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("答题中")
        SUBMITTED = "submitted", _("已交卷")
        EXPIRED = "expired", _("超时")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(
        QuizPage, verbose_name=_("答题"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    quiz_title = models.CharField(_("答题名称"), max_length=255)
    period = models.ForeignKey(
        Period,
        verbose_name=_("统计周期"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    student = models.ForeignKey(
        "education.Student",
        verbose_name=_("学生"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )
    school = models.ForeignKey(
        "education.School",
        verbose_name=_("学校"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(_("第几次"), default=1)
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    questions = models.JSONField(_("题目快照"))
    answers = models.JSONField(_("作答"), default=dict, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("及格线（%）"))
    started_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    deadline = models.DateTimeField(_("交卷期限"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("交卷时间"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("得分"), null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("答对题数"), null=True, blank=True)
    passed = models.BooleanField(_("及格"), null=True, blank=True)
    certificate_code = models.CharField(
        _("证书编号"), max_length=16, unique=True, null=True, blank=True
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("答题记录")
        verbose_name_plural = _("答题记录")
        indexes = [
            models.Index(fields=["quiz", "student"], name="attempt_quiz_student"),
            models.Index(fields=["period", "status"], name="attempt_period_status"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz_title} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class AttemptItem(models.Model):
    """Whether one question of a submitted attempt was answered right: the data behind item
    analysis. ``first`` marks the answerer's first attempt at the quiz."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question, null=True, on_delete=models.SET_NULL, related_name="attempt_items"
    )
    position = models.PositiveSmallIntegerField()
    correct = models.BooleanField()
    first = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="one_item_per_position")
        ]
        indexes = [models.Index(fields=["question", "first"], name="item_question_first")]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}: {self.correct}"
