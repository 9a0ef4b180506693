"""config/gunicorn.py reads its settings from the environment, with defaults for a small
machine behind nginx, and gives gunicorn a logging configuration it accepts."""

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"
VARIABLES = (
    "GUNICORN_BIND",
    "GUNICORN_WORKERS",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "FORWARDED_ALLOW_IPS",
    "LOG_FORMAT",
)


def load(monkeypatch, **env) -> dict:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_defaults(monkeypatch):
    config = load(monkeypatch)
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["threads"] == 4
    assert config["worker_class"] == "gthread"
    assert config["timeout"] == 30
    assert config["max_requests"] == 1000
    assert 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["worker_tmp_dir"] == "/dev/shm"
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert config["accesslog"] == "-"


def test_from_the_environment(monkeypatch):
    config = load(
        monkeypatch,
        GUNICORN_BIND="0.0.0.0:8000,unix:/run/jindu.sock",
        GUNICORN_WORKERS="3",
        GUNICORN_THREADS="8",
        GUNICORN_TIMEOUT="60",
        GUNICORN_MAX_REQUESTS="0",
        FORWARDED_ALLOW_IPS="10.0.0.2",
    )
    assert config["bind"] == ["0.0.0.0:8000", "unix:/run/jindu.sock"]
    assert (config["workers"], config["threads"], config["timeout"]) == (3, 8, 60)
    assert config["max_requests"] == 0
    assert config["forwarded_allow_ips"] == "10.0.0.2"


def test_a_wrong_number_stops_the_start(monkeypatch):
    with pytest.raises(Exception, match="GUNICORN_WORKERS must be a whole number"):
        load(monkeypatch, GUNICORN_WORKERS="many")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_logging_configuration_is_accepted_before_django_loads(fmt):
    """gunicorn's master applies it without Django's settings (a fresh interpreter here)."""
    code = (
        "import logging, logging.config, runpy, sys;"
        f"config = runpy.run_path({str(CONFIG)!r});"
        "logging.config.dictConfig(config['logconfig_dict']);"
        "logging.getLogger('gunicorn.error').warning('booted')"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["LOG_FORMAT"] = fmt
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    line = done.stderr.strip().splitlines()[-1]
    if fmt == "json":
        assert json.loads(line)["message"] == "booted"
    else:
        assert line.endswith("WARNING gunicorn.error booted")
