"""A coordinator whose role is revoked loses the school's bookings and waiting-list entries,
also those they made themselves: 404 on their pages, gone from "my bookings". Their own
public bookings stay theirs, and the school's other coordinators keep the school's."""

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.access import visible_bookings, visible_waitlist
from booking.models import Pool, WaitlistEntry
from education.models import Coordinator
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.school_factories import make_coordinator


@pytest.fixture
def revoked(visits):
    """School A's coordinator books a group, waits for another slot and books a public
    visit; then the district office rejects the role."""
    schools, now = visits.schools, timezone.now()
    slot = make_slot(visits.venue, at(3, 14, base=now))
    group = book_group(slot, schools.coordinator_a, schools.school_a, now=now)
    own = book_public(slot, schools.coordinator_a, now=now, visitors=2)
    entry = WaitlistEntry.objects.create(
        slot=slot,
        pool=Pool.GROUP,
        user=schools.coordinator_a,
        school=schools.school_a,
        contact_name="张老师",
        phone="13800000001",
        students=20,
        teachers=1,
    )
    Coordinator.objects.filter(user=schools.coordinator_a).update(
        status=Coordinator.Status.REJECTED
    )
    return {"group": group, "own": own, "entry": entry}


def test_the_schools_booking_is_not_found(client, visits, revoked):
    client.force_login(visits.schools.coordinator_a)
    code = revoked["group"].code
    assert client.get(reverse("booking:booking", args=[code])).status_code == 404
    cancel = client.post(reverse("booking:booking_cancel", args=[code]), {"reason": "离职"})
    assert cancel.status_code == 404
    assert client.get(reverse("booking:booking", args=[revoked["own"].code])).status_code == 200


def test_my_bookings_no_longer_lists_the_school(client, visits, revoked):
    client.force_login(visits.schools.coordinator_a)
    page = client.get(reverse("booking:my_bookings")).content.decode()
    assert revoked["group"].code not in page
    assert revoked["own"].code in page
    assert revoked["entry"].token not in page


def test_the_schools_waiting_list_entry_is_not_found(client, visits, revoked):
    client.force_login(visits.schools.coordinator_a)
    token = revoked["entry"].token
    assert client.get(reverse("booking:waitlist_offer", args=[token])).status_code == 404
    assert client.post(reverse("booking:waitlist_withdraw", args=[token])).status_code == 404
    revoked["entry"].refresh_from_db()
    assert revoked["entry"].status == WaitlistEntry.Status.WAITING


def test_a_colleague_keeps_the_schools_bookings(visits, revoked):
    colleague = make_coordinator(visits.schools.school_a, "colleague@example.cn")
    assert set(visible_bookings(colleague)) == {revoked["group"]}
    assert set(visible_waitlist(colleague)) == {revoked["entry"]}
    assert set(visible_bookings(visits.schools.coordinator_a)) == {revoked["own"]}
