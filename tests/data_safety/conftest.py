import pytest

from tests.factories import build_site
from tests.school_factories import Schools, build_schools


@pytest.fixture
def schools(db) -> Schools:
    """The site shell and the personas of tests/school_factories.py."""
    build_site()
    return build_schools(students_per_class=2)
