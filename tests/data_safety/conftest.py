import pytest

from tests.factories import build_site, make_superuser
from tests.school_factories import Schools, build_schools


@pytest.fixture
def schools(db) -> Schools:
    """The site shell and the personas of tests/school_factories.py."""
    build_site()
    return build_schools(students_per_class=2)


@pytest.fixture
def editor(client, db):
    """A client signed in as a superuser, for the admin's upload forms."""
    client.force_login(make_superuser())
    return client
