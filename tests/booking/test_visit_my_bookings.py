""" "My bookings": a person's own bookings and, for a coordinator, the bookings of their
schools (never other schools', nor every booking for staff), upcoming first; live
waiting-list entries with a way out; the lecturer requests for coordinators."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from booking.models import WaitlistEntry
from tests.booking_factories import at, book_group, book_public, make_slot
from tests.school_factories import make_coordinator

MY_URL = reverse("booking:my_bookings")


def codes_in(page: str, *bookings) -> list[bool]:
    return [booking.code in page for booking in bookings]


def test_a_coordinator_sees_their_schools_bookings_upcoming_first(client, visits):
    schools, now = visits.schools, timezone.now()
    later = make_slot(visits.venue, at(6, 14, base=now))
    sooner = make_slot(visits.venue, at(3, 14, base=now))
    past = make_slot(visits.venue, at(-2, 14, base=now))
    colleague = make_coordinator(schools.school_a, "colleague@example.cn")
    own_later = book_group(later, schools.coordinator_a, schools.school_a, now=now)
    colleagues = book_group(sooner, colleague, schools.school_a, now=now, students=20, teachers=1)
    old = book_group(
        past, schools.coordinator_a, schools.school_a, now=past.starts_at - timedelta(days=3)
    )
    other_school = book_group(sooner, schools.coordinator_b, schools.school_b, now=now)
    own_public = book_public(later, schools.coordinator_a, now=now)
    client.force_login(schools.coordinator_a)

    page = client.get(MY_URL).content.decode()

    assert codes_in(page, own_later, colleagues, old, own_public, other_school) == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert page.index(colleagues.code) < page.index(own_later.code) < page.index(old.code)
    assert page.index("即将参观") < page.index("历史预约")
    assert reverse("booking:lecturer_requests") in page


def test_staff_see_only_their_own_here(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    schools = visits.schools
    booking = book_group(slot, schools.coordinator_a, schools.school_a, now=timezone.now())
    client.force_login(visits.staff)
    page = client.get(MY_URL).content.decode()
    assert booking.code not in page
    assert "暂无即将参观的预约" in page


def test_a_visitor_sees_their_waiting_list_entries(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    entry = WaitlistEntry.objects.create(
        slot=slot, pool="public", user=visits.visitor, contact_name="李女士", phone="1", visitors=2
    )
    other = WaitlistEntry.objects.create(
        slot=slot,
        pool="public",
        user=visits.schools.coordinator_b,
        contact_name="王先生",
        phone="1",
        visitors=1,
    )
    client.force_login(visits.visitor)

    page = client.get(MY_URL).content.decode()

    assert reverse("booking:waitlist_withdraw", args=[entry.token]) in page
    assert other.token not in page
    assert reverse("booking:lecturer_requests") not in page


def test_anonymous_visitors_log_in(client, visits):
    response = client.get(MY_URL)
    assert response["Location"] == f"{reverse('account_login')}?next={MY_URL}"
