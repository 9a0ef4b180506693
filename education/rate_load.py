"""Load data for measuring the rate dashboards and the quiz: districts, schools, classes,
students, submitted attempts and the Results, count rows and daily progress that the submit
path would have left, generated in one transaction by ``manage.py generate_rate_load``.

Everything generated is marked by ``PREFIX`` (district, school and period names, the quiz
page and its questions) so ``clear()`` removes it and nothing else. Generated attempts carry
no question snapshot or items (they stand for past sittings; two million snapshots would
dominate the database) and no certificate code.

Rows are written with COPY on PostgreSQL (psycopg's ``cursor.copy``) and with
``bulk_create`` elsewhere. Students get their ids here so attempts can point at them without
reading a million rows back; the tables are locked for the transaction on PostgreSQL so no
one else takes those ids meanwhile, and the id sequences are moved past them at the end.
"""

import bisect
import datetime
import json
import math
import random
import uuid
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from education.models import (
    Attempt,
    AttemptItem,
    Choice,
    Coordinator,
    DailyProgress,
    District,
    DistrictOfficer,
    HomePage,
    Period,
    Question,
    QuizIndexPage,
    QuizPage,
    QuizQuestion,
    RateCount,
    Result,
    School,
    SchoolClass,
    Student,
)
from education.models.schools import CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH, Grade

PREFIX = "压测"
QUIZ_SLUG = "load-test"
PASS_MARK = 80
ATTEMPTS_ALLOWED = 5
PERIOD_DAYS_SO_FAR = 60
PERIOD_DAYS_AHEAD = 300
SCHOOLS_PER_FLUSH = 50

LEVEL_MIX = (
    (School.Level.PRIMARY, 50, "小学"),
    (School.Level.JUNIOR, 25, "中学"),
    (School.Level.SENIOR, 12, "高级中学"),
    (School.Level.VOCATIONAL, 8, "职业学校"),
    (School.Level.UNIVERSITY, 5, "学院"),
)
GRADES = {
    School.Level.PRIMARY: range(Grade.G1, Grade.G6 + 1),
    School.Level.JUNIOR: range(Grade.G7, Grade.G9 + 1),
    School.Level.SENIOR: range(Grade.G10, Grade.G12 + 1),
    School.Level.VOCATIONAL: range(Grade.G10, Grade.G12 + 1),
    School.Level.UNIVERSITY: range(Grade.U1, Grade.U4 + 1),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "子涵浩然欣怡梓萱宇轩雨桐一诺思远佳怡俊杰梦琪晨曦志强文博嘉懿若曦天佑明轩语嫣"

# Ten questions, two per category, each with its choices and the right one: the quiz asks
# them all (a fixed list).
TRUE_FALSE = ("对", "错")
QUESTIONS = (
    ("drug_types", "冰毒的化学名称是什么？", ("甲基苯丙胺", "咖啡因", "乙醇"), 0),
    ("drug_types", "“笑气”（一氧化二氮）被滥用时会损害神经系统。", TRUE_FALSE, 0),
    ("harms", "吸食毒品最主要的危害是什么？", ("减肥", "成瘾并损害身心健康", "提神醒脑"), 1),
    ("harms", "合成毒品可能导致精神异常，出现幻觉和妄想。", TRUE_FALSE, 0),
    ("law", "我国禁毒工作实行预防为主、综合治理的方针。", TRUE_FALSE, 0),
    (
        "law",
        "走私、贩卖、运输、制造毒品，数量多少应当追究刑事责任？",
        ("满十克", "满一克", "无论多少"),
        2,
    ),
    (
        "refusal",
        "陌生人请你喝“特别的饮料”时应当怎么做？",
        ("坚决拒绝并离开", "尝一口", "带回家"),
        0,
    ),
    ("refusal", "朋友说“试一次不会上瘾”，这种说法是正确的。", TRUE_FALSE, 1),
    ("help", "发现有人吸毒、贩毒，可以拨打哪个电话报警？", ("119", "110", "120"), 1),
    ("help", "戒毒人员经过治疗可以回归社会，应当得到帮助。", TRUE_FALSE, 0),
)


# Generated attempts share one (empty) snapshot and one (empty) answer sheet.
NO_QUESTIONS: list = []
NO_ANSWERS: dict = {}


@dataclass(frozen=True)
class Sizes:
    schools: int
    students: int
    attempts: int
    classes_per_school: int = 30
    districts: int = 16
    seed: int = 626


LABELS = {
    District: gettext_lazy("区县"),
    School: gettext_lazy("学校"),
    SchoolClass: gettext_lazy("班级"),
    Student: gettext_lazy("学生"),
    Attempt: gettext_lazy("答题记录"),
    AttemptItem: gettext_lazy("答题明细"),
    Result: gettext_lazy("学生成绩"),
    RateCount: gettext_lazy("班级计数"),
    DailyProgress: gettext_lazy("每日进度"),
    Coordinator: gettext_lazy("学校联络员"),
    DistrictOfficer: gettext_lazy("区禁毒办人员"),
    QuizPage: gettext_lazy("答题页面"),
    Question: gettext_lazy("题目"),
    Period: gettext_lazy("统计周期"),
}


@dataclass
class Summary:
    """What one run wrote (or removed), rows by table."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, model: type[models.Model], rows: int) -> None:
        self.counts[str(LABELS[model])] += rows


def size_problem(sizes: Sizes) -> str | None:
    """Why these sizes cannot be generated, in words for the operator, or ``None``."""
    if min(sizes.schools, sizes.classes_per_school, sizes.districts) < 1:
        return _("学校数、每校班级数和区县数都至少为 1。")
    if min(sizes.students, sizes.attempts) < 0:
        return _("学生数和答题次数不能为负数。")
    if sizes.attempts > sizes.students * ATTEMPTS_ALLOWED:
        return _("答题次数不能超过学生数的 %(n)d 倍（每人最多答 %(n)d 次）。") % {
            "n": ATTEMPTS_ALLOWED
        }
    return None


class LoadExists(Exception):
    """Generated data is already there: clear it first."""


def spread(total: int, weights: Sequence[float], caps: Sequence[int] | None = None) -> list[int]:
    """``total`` split in proportion to ``weights``, whole numbers, none above its cap."""
    caps = caps or [total] * len(weights)
    if total > sum(caps):
        raise ValueError("more to spread than the caps allow")
    weight_sum = sum(weights)
    shares = [
        min(cap, math.floor(total * w / weight_sum)) for w, cap in zip(weights, caps, strict=True)
    ]
    left = total - sum(shares)
    while left:
        for index, cap in enumerate(caps):
            if left and shares[index] < cap:
                shares[index] += 1
                left -= 1
    return shares


def binomial_tables(trials: int, levels: int = 100) -> list[list[float]]:
    """Cumulative binomial distributions for p = 0, 1/levels, …, 1: one draw is a bisect."""
    tables = []
    for level in range(levels + 1):
        p = level / levels
        cumulative, total = [], 0.0
        for k in range(trials + 1):
            total += math.comb(trials, k) * p**k * (1 - p) ** (trials - k)
            cumulative.append(total)
        cumulative[-1] = 1.0
        tables.append(cumulative)
    return tables


class TableWriter:
    """Appends rows (tuples in ``columns`` order) to a model's table."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]):
        self.model = model
        fields = [model._meta.get_field(name) for name in columns]
        self.attnames = [f.attname for f in fields]
        self.json_positions = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
        quote = connection.ops.quote_name
        self.copy_sql = "COPY {} ({}) FROM STDIN".format(
            quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
        )

    def write(self, rows: list[tuple]) -> int:
        if connection.vendor == "postgresql":
            self._copy(rows)
        else:
            self.model.objects.bulk_create(
                (self.model(**dict(zip(self.attnames, row, strict=True))) for row in rows),
                batch_size=500,
            )
        return len(rows)

    def _copy(self, rows: list[tuple]) -> None:
        # JSON goes as text, serialised once per object: rows share a few constant values,
        # and ``rows`` keeps them alive, so an id stands for one object throughout.
        texts: dict[int, str] = {}
        with connection.cursor() as cursor, cursor.cursor.copy(self.copy_sql) as copy:
            for row in rows:
                if self.json_positions:
                    row = list(row)
                    for position in self.json_positions:
                        value = row[position]
                        if id(value) not in texts:
                            texts[id(value)] = json.dumps(value)
                        row[position] = texts[id(value)]
                copy.write_row(row)


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def _reset_sequences(*models_: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(sql)


WRITTEN = (District, School, SchoolClass, Student, Attempt, Result, RateCount, DailyProgress)


def _lock_tables() -> None:
    """PostgreSQL: keep other writers out of the tables whose ids we hand out."""
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = ", ".join(quote(model._meta.db_table) for model in WRITTEN)
        cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")


def _skip_reference_checks() -> None:
    """PostgreSQL, when allowed (a superuser): no foreign-key trigger per generated row for
    the rest of the transaction. The ids are consistent by construction, and checking a few
    million references at commit takes longer than writing the rows. Elsewhere, or without
    the right, every row is checked as usual."""
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        return


class Generator:
    """One run; ``log`` receives a line per stage."""

    def __init__(self, sizes: Sizes, *, log: Callable[[str], None], now=None):
        self.sizes = sizes
        self.log = log
        self.now = now or timezone.now()
        self.rng = random.Random(sizes.seed)
        self.tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.binomial = binomial_tables(len(QUESTIONS))
        self.names = [
            surname + given + extra
            for surname in SURNAMES
            for given in GIVEN
            for extra in ("", *GIVEN[::3])
        ]
        self.summary = Summary()
        self.rate_counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.progress: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])

    def run(self) -> Summary:
        if Period.objects.filter(name__startswith=PREFIX).exists():
            raise LoadExists
        with transaction.atomic():
            _lock_tables()
            _skip_reference_checks()
            self.period = self._period()
            self.quiz = self._quiz()
            districts = self._districts()
            schools = self._schools(districts)
            classes = self._classes(schools)
            self._people(schools, classes)
            self._counts()
            _reset_sequences(Student)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in WRITTEN:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        return self.summary

    # The period, the quiz and the school tree.

    def _period(self) -> Period:
        today = timezone.localdate(self.now)
        return Period.objects.create(
            name=f"{PREFIX}学年",
            starts_on=today - datetime.timedelta(days=PERIOD_DAYS_SO_FAR),
            ends_on=today + datetime.timedelta(days=PERIOD_DAYS_AHEAD),
        )

    def _quiz(self) -> QuizPage:
        questions = []
        for category, text, choices, right in QUESTIONS:
            kind = Question.Kind.TRUE_FALSE if choices == TRUE_FALSE else Question.Kind.SINGLE
            question = Question(
                text=f"【{PREFIX}】{text}",
                kind=kind,
                category=category,
                explanation=f"正确答案：{choices[right]}。",
                **dict.fromkeys(Question.BAND_FIELDS.values(), True),
            )
            question.choices = [
                Choice(text=label, correct=index == right) for index, label in enumerate(choices)
            ]
            question.save()
            questions.append(question)
        quiz = QuizPage(
            title=f"{PREFIX}禁毒知识答题",
            slug=QUIZ_SLUG,
            audience=QuizPage.Audience.STUDENTS,
            draw=QuizPage.Draw.FIXED,
            pass_mark=PASS_MARK,
            attempts_allowed=ATTEMPTS_ALLOWED,
            counts_toward_rate=True,
            period=self.period,
        )
        quiz.fixed_questions = [QuizQuestion(question=q) for q in questions]
        quiz_index().add_child(instance=quiz)
        quiz.save_revision().publish()
        return quiz

    def _districts(self) -> list[District]:
        count = min(self.sizes.districts, self.sizes.schools)
        districts = District.objects.bulk_create(
            District(name=f"{PREFIX}{number:02d}区", sort_order=900 + number)
            for number in range(1, count + 1)
        )
        self.summary.add(District, len(districts))
        return districts

    def _schools(self, districts: list[District]) -> list[School]:
        sizes = self.sizes
        weights = [self.rng.uniform(0.5, 1.5) for _ in range(sizes.schools)]
        rosters = spread(sizes.students, weights)
        levels = [level for level, share, _suffix in LEVEL_MIX for _ in range(share)]
        suffixes = {level: suffix for level, _share, suffix in LEVEL_MIX}
        schools = []
        for number, roster in enumerate(rosters, start=1):
            level = levels[(number * 37) % len(levels)]
            schools.append(
                School(
                    name=f"{PREFIX}{number:04d}{suffixes[level]}",
                    district=districts[number % len(districts)],
                    level=level,
                    declared_enrolment=roster,
                    roster_size=roster,
                )
            )
        schools = School.objects.bulk_create(schools, batch_size=1000)
        self.summary.add(School, len(schools))
        return schools

    def _classes(self, schools: list[School]) -> dict[int, list[SchoolClass]]:
        taken = set(SchoolClass.objects.values_list("code", flat=True))
        per_school = self.sizes.classes_per_school
        rows = []
        for school in schools:
            grades = GRADES[school.level]
            sizes = spread(school.roster_size, [1] * per_school)
            for index, roster in enumerate(sizes):
                rows.append(
                    SchoolClass(
                        school=school,
                        grade=grades[index % len(grades)],
                        name=f"{index // len(grades) + 1}班",
                        code=self._class_code(taken),
                        roster_size=roster,
                    )
                )
        rows = SchoolClass.objects.bulk_create(rows, batch_size=2000)
        self.summary.add(SchoolClass, len(rows))
        classes = defaultdict(list)
        for school_class in rows:
            classes[school_class.school_id].append(school_class)
        self.school_of_class = {school_class.pk: school_class.school_id for school_class in rows}
        return classes

    def _class_code(self, taken: set[str]) -> str:
        while True:
            code = "".join(self.rng.choices(CLASS_CODE_ALPHABET, k=CLASS_CODE_LENGTH))
            if code not in taken:
                taken.add(code)
                return code

    # Students, attempts and Results, a batch of schools at a time.

    def _people(self, schools: list[School], classes: dict[int, list[SchoolClass]]) -> None:
        caps = [school.roster_size * ATTEMPTS_ALLOWED for school in schools]
        targets = spread(self.sizes.attempts, [s.roster_size or 1 for s in schools], caps)
        writers = {
            Student: TableWriter(
                Student,
                ["id", "school_id", "school_class_id", "number", "name", "active", "updated_at"],
            ),
            Attempt: TableWriter(Attempt, ATTEMPT_COLUMNS),
            Result: TableWriter(Result, RESULT_COLUMNS),
        }
        self.next_student = _next_id(Student)
        for start in range(0, len(schools), SCHOOLS_PER_FLUSH):
            rows = {model: [] for model in writers}
            for school, target in zip(
                schools[start : start + SCHOOLS_PER_FLUSH],
                targets[start : start + SCHOOLS_PER_FLUSH],
                strict=True,
            ):
                self._school(school, classes[school.pk], target, rows)
            for model, writer in writers.items():
                self.summary.add(model, writer.write(rows[model]))
            done = min(start + SCHOOLS_PER_FLUSH, len(schools))
            self.log(
                _("已写入 %(done)d/%(total)d 所学校的学生和答题记录。")
                % {"done": done, "total": len(schools)}
            )

    def _school(self, school: School, classes: list[SchoolClass], target: int, rows: dict) -> None:
        rng = self.rng
        roster = school.roster_size
        students = []
        for index, school_class in enumerate(_class_seats(classes)):
            student_id = self.next_student
            self.next_student += 1
            students.append((student_id, school_class))
            rows[Student].append(
                (
                    student_id,
                    school.pk,
                    school_class.pk,
                    f"{index + 1:05d}",
                    self._name(),
                    True,
                    self.now,
                )
            )
        if not target:
            return
        ability = rng.uniform(0.55, 0.92)
        wanted = round(rng.uniform(0.5, 1.0) * roster)
        participants = min(roster, target, max(math.ceil(target / ATTEMPTS_ALLOWED), wanted))
        chosen = [
            (min(0.98, max(0.05, rng.gauss(ability, 0.12))), student)
            for student in rng.sample(students, participants)
        ]
        chosen.sort(key=lambda pair: pair[0])  # weaker students take more attempts
        for (skill, (student_id, school_class)), count in zip(
            chosen, spread(target, [1] * participants), strict=True
        ):
            self._student_attempts(school, student_id, school_class, skill, count, rows)

    def _name(self) -> str:
        return self.rng.choice(self.names)

    def _student_attempts(
        self,
        school: School,
        student_id: int,
        school_class: SchoolClass,
        skill: float,
        count: int,
        rows: dict,
    ) -> None:
        rng = self.rng
        questions = len(QUESTIONS)
        scores, times = [], self._times(count)
        for number, submitted_at in enumerate(times, start=1):
            p = min(0.98, skill + 0.07 * (number - 1))
            correct = bisect.bisect(self.binomial[round(p * 100)], rng.random())
            correct = min(correct, questions)
            score = correct * 100 // questions
            passed = score >= PASS_MARK
            scores.append((score, passed, submitted_at))
            rows[Attempt].append(
                (
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    self.quiz.pk,
                    self.quiz.title,
                    self.period.pk,
                    student_id,
                    school.pk,
                    number,
                    Attempt.Status.SUBMITTED,
                    NO_QUESTIONS,
                    NO_ANSWERS,
                    PASS_MARK,
                    submitted_at - datetime.timedelta(seconds=180 + 720 * rng.random()),
                    submitted_at,
                    score,
                    correct,
                    passed,
                )
            )
        self._result(school, student_id, school_class, scores, rows)

    def _times(self, count: int) -> list[datetime.datetime]:
        """Submission times in the period so far, in order, in local time."""
        rng = self.rng
        start = datetime.datetime.combine(self.period.starts_on, datetime.time(), self.tz)
        span = (self.now - start).total_seconds()
        # More students answer as the campaign goes on: the first attempt leans late.
        at = start + datetime.timedelta(seconds=span * math.sqrt(rng.random()) * 0.98)
        times = [at]
        for _later in range(count - 1):
            gap = datetime.timedelta(seconds=rng.uniform(600, 3 * 86400))
            room = self.now - times[-1]
            times.append(times[-1] + (gap if gap < room / 2 else room / 2))
        return times

    def _result(self, school: School, student_id: int, school_class: SchoolClass, scores, rows):
        passes = [at for _score, passed, at in scores if passed]
        best = max(score for score, _passed, _at in scores)
        first_at = scores[0][2]
        rows[Result].append(
            (
                student_id,
                self.period.pk,
                len(scores),
                scores[0][0],
                best,
                bool(passes),
                first_at,
                passes[0] if passes else None,
            )
        )
        counts = self.rate_counts[school_class.pk]
        counts[0] += 1
        counts[1] += bool(passes)
        counts[2] += best
        self.progress[(school.district_id, first_at.date())][0] += 1
        if passes:
            self.progress[(school.district_id, passes[0].date())][1] += 1

    # Count rows.

    def _counts(self) -> None:
        rate_rows = [
            (self.school_of_class[class_id], class_id, self.period.pk, *counts)
            for class_id, counts in self.rate_counts.items()
        ]
        writer = TableWriter(
            RateCount,
            [
                "school_id",
                "school_class_id",
                "period_id",
                "participants",
                "passed",
                "best_score_sum",
            ],
        )
        self.summary.add(RateCount, writer.write(rate_rows))
        progress_rows = [
            (self.period.pk, district_id, date, *counts)
            for (district_id, date), counts in sorted(self.progress.items(), key=lambda i: i[0][1])
        ]
        writer = TableWriter(
            DailyProgress, ["period_id", "district_id", "date", "new_participants", "new_passes"]
        )
        self.summary.add(DailyProgress, writer.write(progress_rows))


ATTEMPT_COLUMNS = [
    "token",
    "quiz",
    "quiz_title",
    "period",
    "student",
    "school",
    "number",
    "status",
    "questions",
    "answers",
    "pass_mark",
    "started_at",
    "submitted_at",
    "score",
    "correct_count",
    "passed",
]
RESULT_COLUMNS = [
    "student",
    "period",
    "attempts",
    "first_score",
    "best_score",
    "passed",
    "first_attempt_at",
    "first_passed_at",
]


def _class_seats(classes: list[SchoolClass]) -> Iterable[SchoolClass]:
    for school_class in classes:
        for _seat in range(school_class.roster_size):
            yield school_class


def quiz_index() -> QuizIndexPage:
    """The site's quiz section, made (with a home page) if the site has none."""
    index = QuizIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first() or _home()
        index = home.add_child(instance=QuizIndexPage(title="禁毒知识答题", slug="quiz"))
        index.save_revision().publish()
    return index


def _home() -> HomePage:
    """A bare home page as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    for welcome in Page.objects.child_of(root).exact_type(Page):
        welcome.delete()  # its Site goes with it
    home = root.add_child(instance=HomePage(title=settings.WAGTAIL_SITE_NAME, slug="home"))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    site.save()
    return home


# Removing it all again.


def _delete(queryset: models.QuerySet) -> int:
    """One DELETE for the rows of ``queryset``: no objects loaded, no signals (the models
    cleared here have none), so millions of rows go in seconds."""
    meta = queryset.model._meta
    quote = connection.ops.quote_name
    select, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} IN ({select})",  # noqa: S608
            params,
        )
        return cursor.rowcount


def clear() -> Summary:
    """Remove every generated row, children first."""
    summary = Summary()
    periods = Period.objects.filter(name__startswith=PREFIX)
    districts = District.objects.filter(name__startswith=PREFIX)
    schools = School.objects.filter(district__in=districts)
    quizzes = QuizPage.objects.filter(slug=QUIZ_SLUG, title__startswith=PREFIX)
    attempts = Attempt.objects.filter(
        models.Q(period__in=periods) | models.Q(school__in=schools) | models.Q(quiz__in=quizzes)
    )
    with transaction.atomic():
        steps = [
            AttemptItem.objects.filter(attempt__in=attempts),
            attempts,
            Result.objects.filter(
                models.Q(period__in=periods) | models.Q(student__school__in=schools)
            ),
            RateCount.objects.filter(models.Q(period__in=periods) | models.Q(school__in=schools)),
            DailyProgress.objects.filter(
                models.Q(period__in=periods) | models.Q(district__in=districts)
            ),
            Coordinator.objects.filter(school__in=schools),
            DistrictOfficer.objects.filter(district__in=districts),
            Student.objects.filter(school__in=schools),
            SchoolClass.objects.filter(school__in=schools),
            schools,
            districts,
        ]
        for queryset in steps:
            summary.add(queryset.model, _delete(queryset))
        for quiz in quizzes:
            quiz.delete()
            summary.add(QuizPage, 1)
        questions = Question.objects.filter(text__startswith=f"【{PREFIX}】")
        summary.add(Question, questions.delete()[1].get("education.Question", 0))
        summary.add(Period, periods.delete()[1].get("education.Period", 0))
    return summary
