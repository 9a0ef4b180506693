"""Roster import: an uploaded file is read and reviewed row by row against the school's
classes and students (the preview), then committed in one transaction, or not at all.

Nothing else writes a roster in bulk. The commit reviews the rows again against the data of
that moment, refuses while any row has a problem, records who committed and what changed, and
recounts the school's rates in the same transaction."""

import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from education.models import Grade, RosterImport, School, SchoolClass, Student
from education.rate_counts import recount_school
from education.roster_files import RosterRow, read_roster
from education.roster_values import class_name, normalise_number, parse_grade

FIELD_LABELS = {
    "number": gettext_lazy("学号"),
    "name": gettext_lazy("姓名"),
    "grade": gettext_lazy("年级"),
    "class_name": gettext_lazy("班级"),
}
MAX_LENGTHS = {key: Student._meta.get_field(key).max_length for key in ("number", "name")}
WRITE_BATCH = 500
PENDING_DAYS = 7
# Stale uploads deleted at one upload at most; the next uploads take the rest.
PURGE_BATCH = 500

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
ERROR = "error"


class RosterImportRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class RowReport:
    """What the import does with one row, or why it cannot. ``issues`` and ``changes`` are
    codes with their values, put into words when shown (in the reader's language)."""

    line: int
    number: str
    name: str
    grade: str
    class_name: str
    status: str = NEW
    issues: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)

    @property
    def issue_messages(self) -> list[str]:
        return [_issue_message(issue) for issue in self.issues]

    @property
    def change_messages(self) -> list[str]:
        return [_change_message(change) for change in self.changes]


@dataclass
class AbsentStudent:
    """An active student of the school whom the file does not list."""

    number: str
    name: str
    class_label: str


@dataclass
class RosterReport:
    rows: list[RowReport]
    absent: list[AbsentStudent]
    deactivate_missing: bool
    counts: dict[str, int]
    unknown_classes: list[str]

    @classmethod
    def build(
        cls, rows: list[RowReport], absent: list[AbsentStudent], deactivate_missing: bool
    ) -> "RosterReport":
        counts = {status: 0 for status in (NEW, UPDATED, UNCHANGED, ERROR)}
        for row in rows:
            counts[row.status] += 1
        counts["absent"] = len(absent)
        unknown = {i["label"] for row in rows for i in row.issues if i["code"] == "unknown_class"}
        return cls(rows, absent, deactivate_missing, counts, sorted(unknown))

    @property
    def has_errors(self) -> bool:
        return self.counts[ERROR] > 0

    @property
    def deactivated(self) -> int:
        return self.counts["absent"] if self.deactivate_missing else 0

    def as_json(self, *, with_rows: bool) -> dict:
        """The report to keep; with rows, the ones that change something (the record of a
        commit), else only the counts (the record of an upload)."""
        kept = [asdict(row) for row in self.rows if row.status != UNCHANGED] if with_rows else []
        return {
            "counts": self.counts,
            "deactivate_missing": self.deactivate_missing,
            "unknown_classes": self.unknown_classes,
            "rows": kept,
            "absent": [asdict(student) for student in self.absent] if with_rows else [],
        }

    @classmethod
    def from_json(cls, data: dict) -> "RosterReport":
        return cls(
            rows=[RowReport(**row) for row in data.get("rows", [])],
            absent=[AbsentStudent(**student) for student in data.get("absent", [])],
            deactivate_missing=data.get("deactivate_missing", False),
            counts=data["counts"],
            unknown_classes=data.get("unknown_classes", []),
        )


def upload_roster(
    school: School, upload: UploadedFile, *, by: AbstractBaseUser, deactivate_missing: bool
) -> RosterImport:
    """Read and review an upload and keep it for its preview; RosterFileError writes nothing.
    Any school's uploads left uncommitted for PENDING_DAYS go: minors' names are kept no
    longer than they are needed."""
    rows = read_roster(upload)
    report, _plan = _review(school, rows, deactivate_missing)
    purge_stale_uploads()
    return RosterImport.objects.create(
        school=school,
        file_name=upload.name[: RosterImport._meta.get_field("file_name").max_length],
        uploaded_by=by,
        deactivate_missing=deactivate_missing,
        rows=[list(asdict(row).values()) for row in rows],
        report=report.as_json(with_rows=False),
    )


def purge_stale_uploads() -> None:
    """Delete up to PURGE_BATCH uploads, of any school, left uncommitted for PENDING_DAYS."""
    stale = timezone.now() - datetime.timedelta(days=PENDING_DAYS)
    pending = RosterImport.objects.filter(committed_at=None, created_at__lt=stale).order_by()
    RosterImport.objects.filter(
        pk__in=list(pending.values_list("pk", flat=True)[:PURGE_BATCH])
    ).delete()


def _with_plain_numbers(rows: list[RosterRow]) -> list[RosterRow]:
    """Student numbers as identification matches them: "2026 01" is kept as "202601"."""
    return [replace(row, number=normalise_number(row.number)) for row in rows]


def review_import(roster_import: RosterImport) -> RosterReport:
    """The report of a pending import against the current roster; the kept report once it
    has been committed."""
    if roster_import.is_committed:
        return RosterReport.from_json(roster_import.report)
    rows = _stored_rows(roster_import)
    return _review(roster_import.school, rows, roster_import.deactivate_missing)[0]


def commit_import(roster_import: RosterImport, *, by: AbstractBaseUser) -> RosterReport:
    """Apply a pending import all at once, or raise RosterImportRefused and write nothing."""
    with transaction.atomic():
        school = School.objects.select_for_update(no_key=True).get(pk=roster_import.school_id)
        pending = RosterImport.objects.select_for_update().get(pk=roster_import.pk)
        if pending.is_committed:
            raise RosterImportRefused(_("这份名册已经导入过了，不能重复导入。"))
        report, plan = _review(school, _stored_rows(pending), pending.deactivate_missing)
        if report.has_errors:
            raise RosterImportRefused(
                _("名册中有 %(count)d 行有问题，请修改文件后重新上传。")
                % {"count": report.counts[ERROR]}
            )
        _apply(plan, deactivate_missing=pending.deactivate_missing)
        recount_school(school)
        pending.report = report.as_json(with_rows=True)
        pending.rows = []  # the roster holds them now; the report keeps what changed
        pending.committed_by = by
        pending.committed_at = timezone.now()
        pending.save(update_fields=["report", "rows", "committed_by", "committed_at"])
        log(school, "education.roster_import", user=by, data={"import": pending.pk})
    return report


def _stored_rows(roster_import: RosterImport) -> list[RosterRow]:
    return [RosterRow(*values) for values in roster_import.rows]


@dataclass
class _Plan:
    new: list[Student] = field(default_factory=list)
    changed: list[Student] = field(default_factory=list)
    absent_ids: list[int] = field(default_factory=list)


def _review(
    school: School, rows: list[RosterRow], deactivate_missing: bool
) -> tuple[RosterReport, _Plan]:
    classes = {
        (c.grade, class_name(c.name)): c
        for c in SchoolClass.objects.filter(school=school).order_by()
    }
    labels = {c.pk: str(c) for c in classes.values()}
    students = {
        s.number: s
        for s in Student.objects.filter(school=school)
        .order_by()
        .only("pk", "number", "name", "active", "school_class_id")
    }
    rows = _with_plain_numbers(rows)
    lines_by_number = defaultdict(list)
    for row in rows:
        lines_by_number[row.number].append(row.line)

    plan = _Plan()
    reports = []
    for row in rows:
        report = RowReport(row.line, row.number, row.name, row.grade, row.class_name)
        school_class = _check_row(row, report, classes, lines_by_number)
        if school_class is None:
            report.status = ERROR
        else:
            _plan_row(row, report, school_class, students.get(row.number), labels, plan)
        reports.append(report)

    absent = sorted(
        (s for s in students.values() if s.active and s.number not in lines_by_number),
        key=lambda s: (labels[s.school_class_id], s.number),
    )
    plan.absent_ids = [s.pk for s in absent]
    absent_report = [AbsentStudent(s.number, s.name, labels[s.school_class_id]) for s in absent]
    return RosterReport.build(reports, absent_report, deactivate_missing), plan


def _check_row(
    row: RosterRow,
    report: RowReport,
    classes: dict[tuple[int, str], SchoolClass],
    lines_by_number: dict[str, list[int]],
) -> SchoolClass | None:
    """Record the row's problems; the row's class when it has none."""
    for key in FIELD_LABELS:
        value = getattr(row, key)
        if not value:
            report.issues.append({"code": "missing", "field": key})
        elif "\ufffd" in value:
            report.issues.append({"code": "bad_characters", "field": key})
        elif key in MAX_LENGTHS and len(value) > MAX_LENGTHS[key]:
            report.issues.append({"code": "too_long", "field": key, "max": MAX_LENGTHS[key]})
    other_lines = [line for line in lines_by_number[row.number] if line != row.line]
    if row.number and other_lines:
        report.issues.append({"code": "duplicate", "lines": other_lines[:5]})
    school_class = _find_class(row, report, classes)
    return None if report.issues else school_class


def _find_class(
    row: RosterRow, report: RowReport, classes: dict[tuple[int, str], SchoolClass]
) -> SchoolClass | None:
    """The class the row names, looked up even when the row has other problems, so that the
    report lists them all at once."""
    if any(not value or "\ufffd" in value for value in (row.grade, row.class_name)):
        return None
    grade = parse_grade(row.grade)
    if grade is None:
        report.issues.append({"code": "unknown_grade", "value": row.grade})
        return None
    school_class = classes.get((grade, class_name(row.class_name)))
    if school_class is None:
        label = f"{Grade(grade).label}{class_name(row.class_name)}"
        report.issues.append({"code": "unknown_class", "label": label})
    return school_class


def _plan_row(
    row: RosterRow,
    report: RowReport,
    school_class: SchoolClass,
    student: Student | None,
    labels: dict[int, str],
    plan: _Plan,
) -> None:
    if student is None:
        plan.new.append(
            Student(
                school_id=school_class.school_id,
                school_class=school_class,
                number=row.number,
                name=row.name,
            )
        )
        return
    if student.name != row.name:
        report.changes.append({"field": "name", "old": student.name, "new": row.name})
        student.name = row.name
    if student.school_class_id != school_class.pk:
        old, new = labels[student.school_class_id], labels[school_class.pk]
        report.changes.append({"field": "class_name", "old": old, "new": new})
        student.school_class = school_class
    if not student.active:
        report.changes.append({"field": "active"})
        student.active = True
    report.status = UPDATED if report.changes else UNCHANGED
    if report.changes:
        plan.changed.append(student)


def _apply(plan: _Plan, *, deactivate_missing: bool) -> None:
    now = timezone.now()
    Student.objects.bulk_create(plan.new, batch_size=WRITE_BATCH)
    for student in plan.changed:
        student.updated_at = now
    Student.objects.bulk_update(
        plan.changed, ["name", "school_class", "active", "updated_at"], batch_size=WRITE_BATCH
    )
    if deactivate_missing:
        for start in range(0, len(plan.absent_ids), WRITE_BATCH):
            batch = plan.absent_ids[start : start + WRITE_BATCH]
            Student.objects.filter(pk__in=batch).update(active=False, updated_at=now)


def _issue_message(issue: dict) -> str:
    values = dict(issue)
    if "field" in values:
        values["field"] = FIELD_LABELS[values["field"]]
    if "lines" in values:
        values["lines"] = "、".join(str(line) for line in values["lines"])
    messages = {
        "missing": _("缺少%(field)s"),
        "bad_characters": _("%(field)s含有无法识别的字符，请确认文件编码为 UTF-8 或 GBK"),
        "too_long": _("%(field)s超过 %(max)d 个字"),
        "duplicate": _("学号与第 %(lines)s 行重复"),
        "unknown_grade": _("无法识别的年级“%(value)s”，请写成“七年级”“初一”“高一”等"),
        "unknown_class": _("本校没有“%(label)s”，请先在班级管理中添加"),
    }
    return messages[issue["code"]] % values


def _change_message(change: dict) -> str:
    if change["field"] == "active":
        return _("恢复在册")
    return _("%(field)s：%(old)s → %(new)s") % {
        "field": FIELD_LABELS[change["field"]],
        "old": change["old"],
        "new": change["new"],
    }
