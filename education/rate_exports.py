"""The rate dashboards as spreadsheets (XLSX): the tables a dashboard shows, one sheet each,
and a sheet 「说明」 with the group, the period, the target and what the figures mean.

Every text cell is written as text: a school or student name that starts with "=" stays a
name and never becomes a formula.
"""

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from education.rate_definitions import DECLARED_NOTE, DEFINITIONS
from education.rate_figures import Figures
from education.rate_reports import CityReport, DistrictReport, SchoolReport, Summary

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """A download of the workbook; ``filename`` may be Chinese (RFC 6266 encoding)."""
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _figure_headers() -> list[str]:
    return [
        _("在册人数"),
        _("参与人数"),
        _("达标人数"),
        _("未达标人数"),
        _("知晓率（%）"),
        _("参与率（%）"),
        _("及格率（%）"),
        _("平均分"),
    ]


def _figure_cells(figures: Figures) -> list:
    return [
        figures.enrolled,
        figures.participants,
        figures.passed,
        figures.not_passed,
        figures.knowledge_rate,
        figures.participation_rate,
        figures.pass_rate,
        figures.average_score,
    ]


def _enrolment_source(figures: Figures) -> str:
    return _("申报") if figures.declared else _("花名册")


def _total(label: str, figures: Figures) -> str:
    return f"{label}（{_('申报')}）" if figures.declared else label


def _sheet(workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable) -> Worksheet:
    sheet = workbook.create_sheet(title)
    _append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        _append(sheet, row)
    for column in sheet.iter_cols(max_row=1):
        width = max(len(str(column[0].value or "")) * 2 + 2, 10)
        sheet.column_dimensions[column[0].column_letter].width = width
    return sheet


def _append(sheet: Worksheet, values: Sequence) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = TYPE_STRING


def _notes(workbook: Workbook, about: list[tuple[str, object]], summary: Summary) -> None:
    exported = date_format(timezone.localtime(), "Y-m-d H:i")
    rows = [
        *about,
        (_("知晓率目标（%）"), summary.target),
        (_("距目标还需达标人数"), summary.to_target),
        (_("导出时间"), exported),
        (),
        *((str(name), str(text)) for name, text in DEFINITIONS),
        (str(DECLARED_NOTE),),
    ]
    _sheet(workbook, _("说明"), [_("项目"), _("内容")], rows)


def _save(workbook: Workbook) -> bytes:
    workbook.remove(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def school_workbook(report: SchoolReport) -> bytes:
    """Sheet 1 the classes (and the school's total), sheet 2 the students not passed yet."""
    workbook = Workbook()
    figures = report.summary.figures
    _sheet(
        workbook,
        _("班级"),
        [_("年级"), _("班级"), *_figure_headers()],
        [
            *(
                (school_class.get_grade_display(), school_class.name, *_figure_cells(counts))
                for school_class, counts in report.classes
            ),
            (_total(_("全校合计"), figures), "", *_figure_cells(figures)),
        ],
    )
    _sheet(
        workbook,
        _("未达标学生"),
        [_("班级"), _("学号"), _("姓名"), _("最好成绩")],
        (
            (str(school_class), student.number, student.name, _score(student.best_score))
            for school_class, students in report.not_passed
            for student in students
        ),
    )
    _notes(
        workbook,
        [
            (_("学校"), report.school.name),
            (_("区县"), report.school.district.name),
            (_("统计周期"), report.period.name),
            (_("分母"), _enrolment_source(figures)),
        ],
        report.summary,
    )
    return _save(workbook)


def _score(best_score: int | None) -> int | str:
    return _("未答题") if best_score is None else best_score


def _school_headers() -> list[str]:
    return [_("排名"), _("学校"), _("学段"), _("分母"), *_figure_headers()]


def _school_cells(rank: int, school, figures: Figures) -> list:
    return [
        rank,
        school.name,
        school.get_level_display(),
        _enrolment_source(figures),
        *_figure_cells(figures),
    ]


def district_workbook(report: DistrictReport) -> bytes:
    """The district's schools ranked by knowledge rate, and the district's total."""
    workbook = Workbook()
    figures = report.summary.figures
    _sheet(
        workbook,
        _("学校"),
        _school_headers(),
        [
            *(
                _school_cells(rank, school, counts)
                for rank, (school, counts) in enumerate(report.schools, start=1)
            ),
            ("", _("全区合计"), "", _enrolment_source(figures), *_figure_cells(figures)),
        ],
    )
    _notes(
        workbook,
        [(_("区县"), report.district.name), (_("统计周期"), report.period.name)],
        report.summary,
    )
    return _save(workbook)


def city_workbook(report: CityReport) -> bytes:
    """Sheet 1 the districts and the city's total, sheet 2 every school ranked."""
    workbook = Workbook()
    figures = report.summary.figures
    _sheet(
        workbook,
        _("区县"),
        [_("区县"), _("分母"), *_figure_headers()],
        [
            *(
                (district.name, _enrolment_source(counts), *_figure_cells(counts))
                for district, counts in report.districts
            ),
            (_("全市合计"), _enrolment_source(figures), *_figure_cells(figures)),
        ],
    )
    _sheet(
        workbook,
        _("学校"),
        [_("区县"), *_school_headers()],
        (
            (school.district.name, *_school_cells(rank, school, counts))
            for rank, (school, counts) in enumerate(report.schools, start=1)
        ),
    )
    _notes(workbook, [(_("统计周期"), report.period.name)], report.summary)
    return _save(workbook)
