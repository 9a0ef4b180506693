import pytest

from tests.rates.dashboard_builders import RatedSchools, build_rated_schools
from tests.school_factories import Schools, build_schools


@pytest.fixture
def schools(db) -> Schools:
    """The personas and schools of tests/school_factories.py, two students a class; modules
    that need other schools define their own."""
    return build_schools(students_per_class=2)


@pytest.fixture
def rated(db) -> RatedSchools:
    """The schools with results of tests/rates/dashboard_builders.py."""
    return build_rated_schools()
