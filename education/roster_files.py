"""Reading an uploaded roster (XLSX, or CSV in UTF-8 or GBK as Chinese Excel saves it) into
student rows. A file that cannot be a roster is refused as a whole, with a message that says
why, before anything is kept: too large, empty, not a spreadsheet, broken, a decompression
bomb, no 学号/姓名/年级/班级 header, too many rows.

Files are read as streams: a sheet of 50,000 rows is refused at row 10,001, never held."""

import codecs
import csv
import datetime
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import openpyxl
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from education.roster_values import clean_cell
from education.upload_checks import compressed_too_far, inflated_size, zip_members

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# An XLSX is a zip: what it holds once inflated is bounded before openpyxl opens it. A
# roster of 10,000 students takes about 3 MB inflated.
MAX_INFLATED_BYTES = 25 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
MAX_COLUMNS = 50
HEADER_SEARCH_ROWS = 10
# Cells are kept this long at most; anything longer than a field allows is reported anyway.
MAX_CELL_CHARS = 100

COLUMNS = {"number": "学号", "name": "姓名", "grade": "年级", "class_name": "班级"}

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HEADER_DECORATION = re.compile(r"[\s*:：（）()必填]")
_BINARY_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"BM", b"\x1f\x8b", b"Rar!")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
_ZIP_SIGNATURE = b"PK"
_CSV_DELIMITERS = ",\t;"


class RosterFileError(Exception):
    """The upload cannot be read as a roster; ``message`` tells the coordinator why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RosterRow:
    """A student row as the file gives it, cells cleaned; ``line`` is the row number the
    coordinator sees in Excel."""

    line: int
    number: str
    name: str
    grade: str
    class_name: str


def read_roster(upload: UploadedFile) -> list[RosterRow]:
    """The student rows of ``upload``, or RosterFileError."""
    if upload.size > MAX_FILE_BYTES:
        raise RosterFileError(
            _("文件超过 %(size)d MB，请删去多余的工作表或列，或按年级拆分后分别上传。")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if not upload.size:
        raise RosterFileError(_("文件是空的，请选择填好学生名单的文件。"))
    upload.seek(0)
    start = upload.read(8)
    upload.seek(0)
    if start.startswith(_ZIP_SIGNATURE):
        return _read_xlsx(upload)
    if start.startswith(_OLE_SIGNATURE):
        raise RosterFileError(
            _("这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再上传。")
        )
    if start.startswith(_BINARY_SIGNATURES):
        raise _not_a_spreadsheet()
    if upload.name.lower().endswith(".xlsx"):
        raise _broken_xlsx()
    if not upload.name.lower().endswith(".csv"):
        raise _not_a_spreadsheet()
    return _read_csv(upload.read())


def _not_a_spreadsheet() -> RosterFileError:
    return RosterFileError(_("这不是表格文件，请上传 Excel（.xlsx）或 CSV 文件。"))


def _broken_xlsx() -> RosterFileError:
    return RosterFileError(_("Excel 文件已损坏，无法打开。请在 Excel 中重新保存后上传。"))


# XLSX


def _read_xlsx(upload: UploadedFile) -> list[RosterRow]:
    _check_archive(upload)
    upload.seek(0)
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise _broken_xlsx() from error
    try:
        return _rows_from_sheets(workbook.worksheets)
    except RosterFileError:
        raise
    except Exception as error:  # a damaged part is only found while a sheet is read
        raise _broken_xlsx() from error
    finally:
        workbook.close()


def _check_archive(upload: UploadedFile) -> None:
    """Refuse a zip that is not a workbook, would inflate past MAX_INFLATED_BYTES or far
    past its own size (see ``education.upload_checks``)."""
    try:
        members = zip_members(upload)
    except zipfile.BadZipFile as error:
        raise _broken_xlsx() from error
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise _not_a_spreadsheet()
    if len(members) > MAX_ZIP_MEMBERS or inflated_size(members) > MAX_INFLATED_BYTES:
        raise RosterFileError(
            _("文件解压后过大（超过 %(size)d MB），不像是学生名册，已拒绝。")
            % {"size": MAX_INFLATED_BYTES // (1024 * 1024)}
        )
    if compressed_too_far(members, upload.size):
        raise RosterFileError(
            _("文件解压后是原文件的上百倍，不像是正常的学生名册（可能是恶意构造的文件），已拒绝。")
        )


def _rows_from_sheets(sheets) -> list[RosterRow]:
    """The rows of the first sheet that has the header row."""
    first_row: list[str] = []
    for sheet in sheets:
        sheet.reset_dimensions()  # the size a file declares may be wrong: read what is there
        values = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
        rows = ((line, [_cell_text(v) for v in row]) for line, row in enumerate(values, 1))
        columns, seen = _find_header(rows)
        if columns:
            return _student_rows(rows, columns)
        first_row = first_row or seen
    raise _wrong_columns(first_row)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a student number typed as a number comes back as 20260101.0
    elif isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    return _clean(str(value))


# CSV


def _read_csv(data: bytes) -> list[RosterRow]:
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _not_a_spreadsheet()
    lines = _decoded_lines(data)
    delimiter = _delimiter(lines)
    reader = csv.reader(lines, delimiter=delimiter)
    rows = ((reader.line_num, [_clean(cell) for cell in row[:MAX_COLUMNS]]) for row in reader)
    try:
        columns, seen = _find_header(rows)
        if not columns:
            raise _wrong_columns(seen)
        return _student_rows(rows, columns)
    except csv.Error as error:
        raise RosterFileError(
            _("CSV 文件格式有误（第 %(line)d 行），请在 Excel 中重新保存为 CSV 后上传。")
            % {"line": reader.line_num}
        ) from error


def _decoded_lines(data: bytes) -> list[str]:
    """The file's lines as text. A UTF-8 or UTF-16 byte-order mark settles the encoding;
    without one, UTF-8 is chosen unless most lines with Chinese are not UTF-8, as in GBK
    (GB18030) files saved by Chinese Excel. A line that does not decode keeps U+FFFD marks
    where its bad bytes were, and its row is reported."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").splitlines(keepends=True)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    else:
        encoding = _guess_encoding(data)
    return [line.decode(encoding, errors="replace") for line in data.splitlines(keepends=True)]


def _guess_encoding(data: bytes) -> str:
    utf8 = other = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other += 1
    return "utf-8" if utf8 >= other else "gb18030"


def _delimiter(lines: list[str]) -> str:
    """The delimiter used most in the first lines: a title line above the header has none."""
    head = [line for line in lines if line.strip()][:HEADER_SEARCH_ROWS]
    return max(_CSV_DELIMITERS, key=lambda delimiter: sum(line.count(delimiter) for line in head))


# Both formats


def _clean(text: str) -> str:
    """Control characters cannot be stored (PostgreSQL refuses NUL) and are no one's name:
    they become U+FFFD, which the review reports as bad characters."""
    return clean_cell(_CONTROL_CHARACTERS.sub("\ufffd", text))[:MAX_CELL_CHARS]


def _find_header(rows: Iterator[tuple[int, list[str]]]) -> tuple[dict[str, int], list[str]]:
    """The column of each field, from the first rows (a title row may come first), and the
    first non-blank row for the message when there is no header."""
    first: list[str] = []
    for searched, (_line, cells) in enumerate(_non_blank(rows)):
        first = first or cells
        found = _header_columns(cells)
        if len(found) == len(COLUMNS):
            return found, first
        if searched + 1 == HEADER_SEARCH_ROWS:
            break
    return {}, first


def _header_columns(cells: list[str]) -> dict[str, int]:
    keys = {label: key for key, label in COLUMNS.items()}
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = keys.get(_HEADER_DECORATION.sub("", cell))
        if key and key not in found:
            found[key] = index
    return found


def _student_rows(
    rows: Iterator[tuple[int, list[str]]], columns: dict[str, int]
) -> list[RosterRow]:
    students: list[RosterRow] = []
    for line, cells in _non_blank(rows):
        if len(students) == MAX_ROWS:
            raise RosterFileError(
                _("文件中的学生超过 %(limit)d 行。请按年级拆分成几个文件，分别上传。")
                % {"limit": MAX_ROWS}
            )
        values = {key: cells[index] if index < len(cells) else "" for key, index in columns.items()}
        students.append(RosterRow(line=line, **values))
    if not students:
        raise RosterFileError(_("文件里只有表头，没有学生名单。"))
    return students


def _non_blank(rows: Iterable[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    return ((line, cells) for line, cells in rows if any(cells))


def _wrong_columns(first_row: list[str]) -> RosterFileError:
    expected = "、".join(COLUMNS.values())
    if not first_row:
        return RosterFileError(_("文件里没有任何内容，请填写学生名单后再上传。"))
    seen = "、".join(cell for cell in first_row if cell)[:80]
    return RosterFileError(
        _("找不到表头：名册需要“%(expected)s”四列，文件第一行是“%(seen)s”。请使用下载的模板填写。")
        % {"expected": expected, "seen": seen}
    )
