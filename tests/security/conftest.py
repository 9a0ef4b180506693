import pytest

from tests.security import personas


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The personas' world, built once for each test module (see ``personas.module_world``)."""
    yield from personas.module_world(django_db_blocker)
