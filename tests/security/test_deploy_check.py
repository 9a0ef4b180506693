"""``manage.py check --deploy`` with production settings (as the README's deployment sets
them) reports nothing, not even a warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What production sets below, or what would change the check (a fake WeChat API root).
REPLACED = ("DJANGO_", "WECHAT_", "SECURE_", "CSRF_", "ALLOWED_HOSTS")


def production_environment() -> dict[str, str]:
    kept = {name: value for name, value in os.environ.items() if not name.startswith(REPLACED)}
    return {
        **kept,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "jindu.example.gov.cn",
        "CSRF_TRUSTED_ORIGINS": "https://jindu.example.gov.cn",
    }


def test_deploy_check_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
