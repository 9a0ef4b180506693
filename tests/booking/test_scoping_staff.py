"""Base staff (door check-in) and booking managers see every booking; a district officer or
a city admin without booking permissions sees none they did not make."""

from booking.access import booking_or_404, is_base_staff, is_booking_manager, visible_bookings
from tests.booking_factories import book_group, book_public


def test_base_staff_and_managers_see_every_booking(visits):
    schools, slot = visits.schools, visits.slot
    every = {
        book_group(slot, schools.coordinator_a, schools.school_a),
        book_group(slot, schools.coordinator_b, schools.school_b),
        book_public(slot, visits.visitor),
    }

    for staff in (visits.staff, visits.manager):
        assert set(visible_bookings(staff)) == every
        assert is_base_staff(staff)
    assert booking_or_404(visits.staff, next(iter(every)).code)
    assert (is_booking_manager(visits.staff), is_booking_manager(visits.manager)) == (False, True)
    for outsider in (schools.officer, schools.city_admin):
        assert not is_base_staff(outsider)
        assert not visible_bookings(outsider).exists()
