"""The roster templates a coordinator downloads: an XLSX with the school's classes (a sheet
listing them and drop-down lists on the 年级 and 班级 columns) and a CSV with the header.

Names come from coordinators: every cell is written as text, so a class named "=1+1" is never
a formula, and the drop-down lists read a hidden sheet instead of a quoted inline list that a
class name with a quote or a comma would break."""

import codecs
import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from education.models import School
from education.roster_files import COLUMNS, MAX_ROWS

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0D3B78")


def template_workbook(school: School) -> bytes:
    workbook = Workbook()
    roster = workbook.active
    roster.title = _("花名册")
    _header(roster, list(COLUMNS.values()), widths=[18, 14, 12, 12])
    # Student numbers are text: "0701001" must keep its leading zero.
    roster.column_dimensions["A"].number_format = "@"
    classes = list(school.classes.all())

    listing = workbook.create_sheet(_("本校班级"))
    _header(listing, [_("年级"), _("班级"), _("班级码")], widths=[12, 12, 12])
    for school_class in classes:
        _append_text(
            listing, [school_class.get_grade_display(), school_class.name, school_class.code]
        )

    notes = workbook.create_sheet(_("填写说明"))
    notes.column_dimensions["A"].width = 90
    for line in _notes(school):
        _append_text(notes, [line])

    options = workbook.create_sheet(_("下拉选项"))
    options.sheet_state = "hidden"
    grades = list(dict.fromkeys(c.get_grade_display() for c in classes))
    names = list(dict.fromkeys(c.name for c in classes))
    _drop_down(roster, "C", options, "A", grades)
    _drop_down(roster, "D", options, "B", names)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(school: School) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the Chinese header correctly."""
    text = io.StringIO()
    csv.writer(text).writerow(COLUMNS.values())
    return codecs.BOM_UTF8 + text.getvalue().encode()


def _append_text(sheet, values: list[str]) -> None:
    """A row of text cells: a value starting with "=" stays text, never a formula."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.data_type = "s"


def _header(sheet, labels: list[str], widths: list[int]) -> None:
    _append_text(sheet, labels)
    for cell, width in zip(sheet[1], widths, strict=True):
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


def _drop_down(sheet, column: str, options_sheet, options_column: str, options: list[str]) -> None:
    """A drop-down list on ``column`` of ``sheet`` offering ``options``, written down
    ``options_column`` of the hidden ``options_sheet``."""
    if not options:
        return
    for row, option in enumerate(options, 1):
        cell = options_sheet[f"{options_column}{row}"]
        cell.value = option
        cell.data_type = "s"
    title = options_sheet.title.replace("'", "''")
    validation = DataValidation(
        type="list",
        formula1=f"'{title}'!${options_column}$1:${options_column}${len(options)}",
        allow_blank=True,
        showErrorMessage=False,
        promptTitle=_("请选择"),
        prompt=_("可从列表中选择，也可以直接填写"),
    )
    validation.add(f"{column}2:{column}{MAX_ROWS + 1}")
    sheet.add_data_validation(validation)


def _notes(school: School) -> list[str]:
    return [
        _("%(school)s 学生花名册填写说明") % {"school": school.name},
        _("1. 在“花名册”工作表中每行填写一名学生：学号、姓名、年级、班级，不要改动第一行表头。"),
        _("2. 学号在本校内唯一，可含字母和数字；请保持单元格为文本格式，以免丢失开头的 0。"),
        _("3. 年级可写“七年级”“7”“初一”“高一”“大一”等；班级可写“1班”“(1)班”或“1”。"),
        _("4. 年级和班级必须是本校已添加的班级（见“本校班级”工作表），新班级请先在网站上添加。"),
        _("5. 再次导入时按学号更新姓名和班级，不会产生重复学生。"),
        _("6. 每个文件最多 %(rows)d 名学生，请勿填写身份证号、手机号等其他信息。")
        % {"rows": MAX_ROWS},
    ]
