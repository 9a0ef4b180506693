"""Production logs are JSON lines: time, level, logger, message and any extra fields;
gunicorn's access lines carry the request's details as fields, without the query string.
LOG_FORMAT chooses json or text whatever DJANGO_DEBUG says."""

import json
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.logging import (
    ACCESS_LOG_FORMAT,
    AccessLineFormatter,
    LineFormatter,
    log_format,
)


def record(msg, args=None, name="config.test", **extra) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, None)
    made.__dict__.update(extra)
    return made


def test_a_line_is_one_json_object():
    line = LineFormatter().format(record("学校 %s 已导入", ("一中",), school_id=7))
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "学校 一中 已导入"
    assert data["level"] == "WARNING"
    assert data["logger"] == "config.test"
    assert data["school_id"] == 7
    assert data["time"].endswith("+00:00")
    assert "一中" in line  # readable, not \\u escapes


def test_an_access_line_has_the_request_as_fields():
    atoms = {
        "m": "GET",
        "U": "/search/",
        "q": "q=王二小",
        "s": "200",
        "B": 5120,
        "M": 42,
        "h": "127.0.0.1",
        "{x-real-ip}i": "203.0.113.9",
        "a": "Mozilla/5.0",
    }
    data = json.loads(
        AccessLineFormatter().format(record(ACCESS_LOG_FORMAT, atoms, "gunicorn.access"))
    )
    assert data["message"] == "GET /search/ 200 5120 bytes 42 ms"
    assert data["method"] == "GET" and data["path"] == "/search/" and data["status"] == "200"
    assert data["duration_ms"] == 42 and data["client_ip"] == "203.0.113.9"
    assert "王二小" not in json.dumps(data, ensure_ascii=False)


def test_the_format_follows_debug_unless_chosen():
    assert log_format(debug=False) == "json"
    assert log_format(debug=True) == "text"
    assert log_format(debug=True, requested="JSON") == "json"
    assert log_format(debug=False, requested="text") == "text"
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT must be json or text"):
        log_format(debug=False, requested="xml")
