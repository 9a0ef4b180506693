"""Roster files as coordinators make them (CSV in UTF-8 or GBK, XLSX), and the URLs of the
roster pages, for the roster and classes tests."""

import codecs
import csv
import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from education.models import RosterImport, School

HEADER = ["学号", "姓名", "年级", "班级"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(rows, *, header=HEADER, encoding: str = "utf-8", bom: bool = False) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return (codecs.BOM_UTF8 if bom else b"") + text.getvalue().encode(encoding)


def csv_file(rows, *, name: str = "名册.csv", **options) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_bytes(rows, **options), content_type="text/csv")


def xlsx_bytes(rows, *, header=HEADER, before=()) -> bytes:
    """A workbook whose first sheet holds ``before`` (title rows), the header and ``rows``."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    for row in [*before, header, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_file(rows, *, name: str = "名册.xlsx", **options) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, **options), content_type=XLSX_TYPE)


def upload_file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def classes_url(school: School) -> str:
    return reverse("school_classes", args=[school.pk])


def roster_url(school: School) -> str:
    return reverse("school_roster", args=[school.pk])


def import_url(school: School) -> str:
    return reverse("school_roster_import", args=[school.pk])


def preview_url(roster_import: RosterImport) -> str:
    return reverse("school_roster_preview", args=[roster_import.school_id, roster_import.pk])


def commit_url(roster_import: RosterImport) -> str:
    return reverse("school_roster_commit", args=[roster_import.school_id, roster_import.pk])


def upload(client, school: School, file, *, deactivate_missing: bool = False):
    data = {"file": file}
    if deactivate_missing:
        data["deactivate_missing"] = "on"
    return client.post(import_url(school), data)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet"/></Relationships>'
)


def sheet_xml_xlsx(
    rows, *, header=HEADER, dimension: str | None = None, cut_after: int | None = None
) -> bytes:
    """An XLSX of one sheet with inline strings, written directly (openpyxl takes seconds for
    a sheet of 50,000 rows). ``dimension`` is the size the sheet declares, as Excel writes it
    first; by default the true one. With ``cut_after``, the sheet's XML breaks off after that
    many rows: only a reader that goes further finds it damaged."""
    table = [header, *rows]
    dimension = dimension or f"A1:D{len(table)}"
    cells = "".join(
        f'<row r="{line}">'
        + "".join(
            f'<c r="{column}{line}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'
            for column, value in zip("ABCD", row, strict=False)
        )
        + "</row>"
        for line, row in enumerate(table[:cut_after], 1)
    )
    end = "<row><c><is><t>" if cut_after else "</sheetData></worksheet>"
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{cells}{end}'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()
