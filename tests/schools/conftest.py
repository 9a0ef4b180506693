import pytest

from tests.factories import build_site, make_user
from tests.school_factories import Schools, build_schools


@pytest.fixture
def schools(db) -> Schools:
    """The site shell (for rendering pages) and the personas of tests/school_factories.py."""
    build_site()
    return build_schools(students_per_class=2)


@pytest.fixture
def teacher(db):
    """A signed-up teacher without any school role yet."""
    return make_user("teacher.new@example.cn")
