"""What every property test needs around one generated example: its writes rolled back and
the caches (rate-limit counters among them) emptied, the rows it could write counted, and
the answer it got judged."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.test import Client

# Any CJK ideograph: a refusal explains itself in Chinese.
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@contextmanager
def isolated_example(client: Client | None = None) -> Iterator[None]:
    """Run one example in a savepoint that is rolled back, with empty caches and, for
    ``client``, no cookies: examples of a test share its database and must not see one
    another's rows, counters or sessions."""
    for cache in caches.all():
        cache.clear()
    if client is not None:
        client.cookies.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def row_counts(*models: type[Model]) -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in models}


def assert_answered(response, allowed: tuple[int, ...] = ()) -> None:
    """A 2xx, 3xx or 4xx answer (or one of ``allowed``), never a server error."""
    status = response.status_code
    assert status < 500 or status in allowed, (status, response.content[:500])


def assert_explained(response) -> None:
    """A refusal's page or body says why, in Chinese."""
    assert CHINESE.search(response.content.decode("utf-8", "replace")), response.content[:500]
