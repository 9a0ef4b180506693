"""Log output: JSON lines on stderr in production, plain text when debugging.

One configuration serves Django (``settings.LOGGING``) and gunicorn (``logconfig_dict`` in
``config/gunicorn.py``), so the web server's access and error lines look like the site's.
``LOG_FORMAT=json|text`` overrides the choice made from ``DJANGO_DEBUG``.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

FORMATS = ("json", "text")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
# gunicorn's access line as text; in JSON the same request is also given as separate fields.
ACCESS_LOG_FORMAT = "%(m)s %(U)s %(s)s %(B)s bytes %(M)s ms"
# gunicorn access atoms worth a field of their own. The query string is left out: it can
# carry search words and other personal input.
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "{x-real-ip}i": "client_ip",
    "h": "peer",
    "a": "user_agent",
}


def log_format(*, debug: bool, requested: str = "") -> str:
    """``requested`` (LOG_FORMAT) when given, else text when debugging and JSON otherwise."""
    chosen = requested.strip().lower() or ("text" if debug else "json")
    if chosen not in FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {requested!r}")
    return chosen


class LineFormatter(JsonFormatter):
    """One JSON object per line: time, level, logger, message and any extra fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        # Django attaches the request object to its records; the path is in the message.
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "taskName"])
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)


class AccessLineFormatter(LineFormatter):
    """gunicorn's access records, with the request's details as fields."""

    def add_fields(self, log_data, record, message_dict) -> None:
        super().add_fields(log_data, record, message_dict)
        atoms = record.args
        if isinstance(atoms, Mapping):
            for atom, field in ACCESS_FIELDS.items():
                value = atoms.get(atom)
                if value not in (None, "-"):
                    log_data[field] = value


def logging_config(*, fmt: str, level: str, django: bool = True) -> dict[str, Any]:
    """The ``dictConfig`` writing to stderr in ``fmt``: Django's, or with ``django=False``
    that of gunicorn's master process, where Django's settings are not loaded."""
    json_lines = fmt == "json"
    formatters = {
        "line": {"()": LineFormatter} if json_lines else {"format": TEXT_FORMAT},
        "access": {"()": AccessLineFormatter} if json_lines else {"format": TEXT_FORMAT},
    }
    handlers = {
        name: {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": name}
        for name in ("line", "access")
    }
    loggers = {
        "gunicorn.error": {"handlers": ["line"], "level": level, "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    }
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters,
        "handlers": handlers,
        "root": {"handlers": ["line"], "level": level},
        "loggers": loggers,
    }
    if django:
        config["filters"] = {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}}
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        }
        # Replaces Django's own console handler, which would print each line twice.
        loggers["django"] = {
            "handlers": ["line", "mail_admins"],
            "level": "INFO",
            "propagate": False,
        }
        loggers["django.request"] = {"level": "WARNING"}
        loggers["django_tasks"] = {"level": "WARNING"}
    return config
