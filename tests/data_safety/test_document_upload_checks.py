"""Documents uploaded in the admin are refused, with a message and nothing saved, when too
large, when their content is not what their extension says, or when they are zip bombs."""

import pytest
from wagtail.documents import get_document_model

from tests.data_safety.uploads import assert_refused, docx_bytes, png_bytes, post_upload, zip_bomb

Document = get_document_model()

REFUSED = {
    "too large": ("读本.pdf", lambda: b"%PDF-1.7\n" + b"0" * 130_000, "文件过大"),
    "picture named pdf": ("读本.pdf", png_bytes, "文件内容与扩展名“.pdf”不符"),
    "program named txt": ("读本.txt", lambda: b"MZ\x90\x00" + b"\x00" * 100, "不符"),
    "text named docx": ("读本.docx", lambda: "家庭读本".encode(), "不符"),
    "zip without word part named docx": ("读本.docx", lambda: zip_bomb(inflated=0), "不符"),
    "zip bomb": ("资料.zip", zip_bomb, "压缩文件解压后过大"),
    "docx bomb": (
        "读本.docx",
        lambda: zip_bomb("[Content_Types].xml", "word/document.xml"),
        "压缩文件解压后过大",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_bad_document_is_refused(editor, settings, case):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100_000
    name, content, message = REFUSED[case]

    response = post_upload(editor, "wagtaildocs:add", name, content())

    assert_refused(response, message, Document)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("读本.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("读本.txt", "远离毒品，珍爱生命。".encode()),
        ("读本.docx", docx_bytes()),
    ],
)
def test_real_document_is_kept(editor, name, content):
    response = post_upload(editor, "wagtaildocs:add", name, content)
    assert response.status_code == 302
    assert Document.objects.get().file.read() == content
