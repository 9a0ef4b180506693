"""A roster XLSX that inflates a hundredfold is refused before openpyxl opens it, even
under the absolute size limit; so is a picture named .xlsx. Nothing is written."""

import pytest

from education import roster_files
from education.models import RosterImport
from tests.data_safety.uploads import png_bytes, zip_bomb
from tests.schools.roster_uploads import upload, upload_file


@pytest.fixture
def coordinator(client, schools):
    client.force_login(schools.coordinator_a)
    return client


def _no_openpyxl(*args, **kwargs):
    raise AssertionError("openpyxl must not open a refused file")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "名册.xlsx",
            lambda: zip_bomb("[Content_Types].xml", "xl/workbook.xml", inflated=10 * 1024 * 1024),
            "文件解压后是原文件的上百倍",
        ),
        ("名册.xlsx", png_bytes, "这不是表格文件"),
    ],
)
def test_refused_before_reading(coordinator, schools, monkeypatch, name, content, message):
    monkeypatch.setattr(roster_files.openpyxl, "load_workbook", _no_openpyxl)
    data = content()
    assert len(data) < roster_files.MAX_FILE_BYTES

    response = upload(coordinator, schools.school_a, upload_file(name, data))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RosterImport.objects.exists()
