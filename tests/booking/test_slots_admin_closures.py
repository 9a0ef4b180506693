"""Adding a closure in the admin closes the slots on its days and cancels their bookings
(the booker is told); the admin says how many slots it closed."""

from django.urls import reverse

from booking import kinds
from booking.models import Booking, Closure
from tests.booking_factories import at, book_group, make_slot
from wechat.models import Message


def test_a_closure_added_in_the_admin_closes_the_day(client, visits):
    schools = visits.schools
    booking = book_group(visits.slot, schools.coordinator_a, schools.school_a)
    next_day = make_slot(visits.venue, at(3))
    client.force_login(visits.manager)

    response = client.post(
        reverse("booking_closures:add"),
        {
            "venue": visits.venue.pk,
            "first_day": "2026-12-09",
            "last_day": "2026-12-09",
            "reason": "消防演练闭馆",
        },
        follow=True,
    )

    assert "已停开 1 个场次，其中的预约已取消并通知预约人。" in response.content.decode()
    assert Closure.objects.get().reason == "消防演练闭馆"
    visits.slot.refresh_from_db()
    next_day.refresh_from_db()
    assert (visits.slot.closed, visits.slot.note, next_day.closed) == (True, "消防演练闭馆", False)
    booking.refresh_from_db()
    assert (booking.status, booking.cancelled_by) == (Booking.Status.CANCELLED, visits.manager)
    assert Message.objects.filter(kind=kinds.CANCELLED, user=schools.coordinator_a).exists()


def test_a_closure_ending_before_it_starts_is_refused(client, visits):
    client.force_login(visits.manager)

    response = client.post(
        reverse("booking_closures:add"),
        {"venue": "", "first_day": "2026-12-10", "last_day": "2026-12-09", "reason": "春节"},
    )

    assert response.status_code == 200
    assert "结束日期不能早于开始日期。" in response.content.decode()
    assert not Closure.objects.exists()
    visits.slot.refresh_from_db()
    assert not visits.slot.closed


def test_the_closures_list_names_closures_of_every_venue(client, visits):
    Closure.objects.create(first_day=at(20).date(), last_day=at(22).date(), reason="元旦")
    client.force_login(visits.manager)

    html = client.get(reverse("booking_closures:index")).content.decode()

    assert "元旦" in html
    assert "所有场馆" in html
