import pytest
import time_machine

from tests.booking_factories import NOW, Visits, build_visits
from tests.factories import build_site


@pytest.fixture(autouse=True)
def booking_clock():
    """Booking tests run on a clock that starts at NOW and ticks on, so dates written in
    them (slots, windows, deadlines) stay valid whatever the real date is."""
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def visits(db) -> Visits:
    """The site shell and the booking personas (see tests/booking_factories.py)."""
    build_site()
    return build_visits()
