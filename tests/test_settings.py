"""Settings come from the environment through small typed readers; production is strict."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

REPO = Path(__file__).resolve().parent.parent


class TestEnvBool:
    @pytest.mark.parametrize("raw", ["1", "true", "True", " YES ", "on"])
    def test_true(self, monkeypatch, raw):
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is True

    @pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off", ""])
    def test_false(self, monkeypatch, raw):
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG", default=True) is False

    def test_missing_gives_the_default(self, monkeypatch):
        monkeypatch.delenv("FLAG", raising=False)
        assert env_bool("FLAG") is False
        assert env_bool("FLAG", default=True) is True

    def test_anything_else_is_refused(self, monkeypatch):
        monkeypatch.setenv("FLAG", "maybe")
        with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
            env_bool("FLAG")


class TestEnvInt:
    def test_whole_number(self, monkeypatch):
        monkeypatch.setenv("PORT", "587")
        assert env_int("PORT", 465) == 587

    @pytest.mark.parametrize("raw", [None, "", "  "])
    def test_missing_or_blank_gives_the_default(self, monkeypatch, raw):
        if raw is None:
            monkeypatch.delenv("PORT", raising=False)
        else:
            monkeypatch.setenv("PORT", raw)
        assert env_int("PORT", 465) == 465

    @pytest.mark.parametrize("raw", ["4.5", "abc", "10s"])
    def test_not_a_whole_number_is_refused(self, monkeypatch, raw):
        monkeypatch.setenv("PORT", raw)
        with pytest.raises(ImproperlyConfigured, match="PORT must be a whole number"):
            env_int("PORT", 465)


class TestEnvList:
    def test_comma_separated_and_trimmed(self, monkeypatch):
        monkeypatch.setenv("HOSTS", " jindu.example.cn, www.jindu.example.cn ,,")
        assert env_list("HOSTS", []) == ["jindu.example.cn", "www.jindu.example.cn"]

    def test_missing_gives_the_default(self, monkeypatch):
        monkeypatch.delenv("HOSTS", raising=False)
        assert env_list("HOSTS", ["localhost"]) == ["localhost"]

    def test_empty_gives_an_empty_list(self, monkeypatch):
        monkeypatch.setenv("HOSTS", "")
        assert env_list("HOSTS", ["localhost"]) == []


class TestEnvStr:
    def test_value_or_default(self, monkeypatch):
        monkeypatch.delenv("NAME", raising=False)
        monkeypatch.delenv("NAME_FILE", raising=False)
        assert env_str("NAME", "默认") == "默认"
        monkeypatch.setenv("NAME", "江州市禁毒办")
        assert env_str("NAME", "默认") == "江州市禁毒办"

    def test_file_wins_and_is_stripped(self, monkeypatch, tmp_path):
        secret = tmp_path / "secret"
        secret.write_text("s3cr3t-from-file\n", encoding="utf-8")
        monkeypatch.setenv("NAME", "from-variable")
        monkeypatch.setenv("NAME_FILE", str(secret))
        assert env_str("NAME") == "s3cr3t-from-file"

    def test_missing_file_is_an_error(self, monkeypatch, tmp_path):
        monkeypatch.setenv("NAME_FILE", str(tmp_path / "absent"))
        with pytest.raises(FileNotFoundError):
            env_str("NAME")


def production_env(**overrides) -> dict[str, str]:
    """This process's environment without any setting a developer may have exported."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WECHAT_", "DATABASE_", "REDIS_", "EMAIL_", "SECURE_"))
        and key not in {"ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SITE_URL", "BEHIND_PROXY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="jindu.example.cn",
        CSRF_TRUSTED_ORIGINS="https://jindu.example.cn",
        SITE_URL="https://jindu.example.cn",
        DATABASE_URL="sqlite:///:memory:",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run(["-c", "import django; django.setup()"], production_env(DJANGO_SECRET_KEY=None))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(50) + "\n", encoding="utf-8")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, len(settings.SECRET_KEY), settings.SESSION_COOKIE_SECURE)"
    )
    result = run(
        ["-c", code], production_env(DJANGO_SECRET_KEY=None, DJANGO_SECRET_KEY_FILE=str(key_file))
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "67", "True"]


def test_debug_demo_starts_without_a_secret_key():
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = run(["-c", code], production_env(DJANGO_DEBUG=None, DJANGO_SECRET_KEY=None))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_check_deploy_is_clean_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output


def test_check_deploy_notices_a_weak_secret_key():
    result = run(["manage.py", "check", "--deploy"], production_env(DJANGO_SECRET_KEY="short"))
    assert "security.W009" in result.stdout + result.stderr


def test_wechat_login_is_the_in_wechat_provider_never_the_desktop_one():
    # The provider reads the credentials when used, so it is installed with or without them.
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print('wechat.oauth' in settings.INSTALLED_APPS, "
        "'allauth.socialaccount.providers.weixin' in settings.INSTALLED_APPS)"
    )
    for env in (production_env(), production_env(WECHAT_APP_ID="wx0123", WECHAT_APP_SECRET="s")):
        result = run(["-c", code], env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["True", "False"]
