"""A multipart POST is parsed only when something reads the form: no middleware receives the
upload for a view that never looks at it."""

import pytest
from django.http.multipartparser import MultiPartParser
from django.test import Client

from tests.data_safety.uploads import png_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.data_safety.body_urls")]


@pytest.fixture
def parsed(monkeypatch) -> list[MultiPartParser]:
    """Every multipart body parsed during the test."""
    parsers = []
    parse = MultiPartParser.parse

    def counted(parser):
        parsers.append(parser)
        return parse(parser)

    monkeypatch.setattr(MultiPartParser, "parse", counted)
    return parsers


def post_poster(url: str):
    return Client(enforce_csrf_checks=True).post(url, {"file": upload("海报.png", png_bytes())})


def test_not_parsed_when_the_view_ignores_it(parsed):
    response = post_poster("/body/ignored/")

    assert response.content == b"ignored"
    assert parsed == []


def test_parsed_once_when_the_view_reads_it(parsed):
    response = post_poster("/body/read/")

    assert response.content.decode() == "海报.png"
    assert len(parsed) == 1
