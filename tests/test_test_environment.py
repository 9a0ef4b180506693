"""The test run itself: background tasks run at once, passwords hash fast, uploads stay out."""

from pathlib import Path

import django_tasks
from django.conf import settings
from django.contrib.auth.hashers import get_hasher
from django_tasks.backends.immediate import ImmediateBackend

REPO = Path(__file__).resolve().parent.parent


def test_tasks_run_immediately():
    assert isinstance(django_tasks.task_backends["default"], ImmediateBackend)
    assert (
        settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    )


def test_passwords_hash_fast():
    assert get_hasher().algorithm == "md5"


def test_uploads_go_to_a_temporary_folder():
    assert not Path(settings.MEDIA_ROOT).resolve().is_relative_to(REPO)
