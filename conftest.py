"""Test-run settings that must hold for `bin/test` and for a plain `pytest` alike.

pytest-django imports the settings before this file is read, so the values are applied to
the loaded settings here; the environment variables are set as well for subprocesses that
the tests start.
"""

import os
import shutil
import tempfile

IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"

os.environ["DJANGO_TASKS_BACKEND"] = IMMEDIATE_TASKS

_media_root = tempfile.mkdtemp(prefix="jindu-test-media-")


def pytest_configure(config):
    from django.conf import settings
    from django.core.signals import setting_changed

    tasks = {"default": {"BACKEND": IMMEDIATE_TASKS}}
    settings.TASKS = tasks
    # django-tasks caches its backends; this is the reset it does on override_settings.
    setting_changed.send(sender=type(settings), setting="TASKS", value=tasks, enter=True)

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = _media_root
    # Every request renders its page; tests/page_cache/ turns the page cache on for itself.
    settings.PAGE_CACHE = False


def pytest_unconfigure(config):
    shutil.rmtree(_media_root, ignore_errors=True)
