"""The waiting list from the booker's side: joining a full pool through the form, answering
an offer (accept books the held places, decline passes them on, an expired offer says so),
withdrawing; nobody else may open someone's offer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking, Slot, WaitlistEntry
from booking.services import cancel_booking
from tests.booking_factories import at, book_public, make_slot
from tests.factories import make_user

Status = WaitlistEntry.Status


@pytest.fixture
def full_slot(visits) -> Slot:
    """A slot whose public pool of 4 places a neighbour holds, booked 14 hours ago."""
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()), public_capacity=4)
    book_public(
        slot,
        make_user("neighbour@example.cn"),
        visitors=4,
        now=timezone.now() - timedelta(hours=14),
    )
    return slot


def join(client, slot, pool="public", **changes):
    data = {"contact_name": "李女士", "phone": "13900000002", "visitors": 2, **changes}
    return client.post(reverse("booking:join_waitlist", args=[slot.pk, pool]), data)


def offered(visits, slot, *, hours_ago: int = 0) -> WaitlistEntry:
    """The visitor waits for the slot; the neighbour cancels ``hours_ago``, which offers the
    freed places to the visitor."""
    entry = WaitlistEntry.objects.get(user=visits.visitor)
    neighbour = Booking.objects.get(slot=slot)
    cancel_booking(neighbour, by=neighbour.user, now=timezone.now() - timedelta(hours=hours_ago))
    entry.refresh_from_db()
    assert entry.status == Status.OFFERED
    return entry


def offer_url(entry) -> str:
    return reverse("booking:waitlist_offer", args=[entry.token])


def test_a_visitor_joins_the_waiting_list_of_a_full_slot(client, visits, full_slot):
    client.force_login(visits.visitor)
    assert (
        "加入候补"
        in client.get(
            reverse("booking:join_waitlist", args=[full_slot.pk, "public"])
        ).content.decode()
    )

    response = join(client, full_slot)

    assert response["Location"] == reverse("booking:my_bookings")
    entry = WaitlistEntry.objects.get()
    assert (entry.user, entry.visitors, entry.status) == (visits.visitor, 2, Status.WAITING)
    again = join(client, full_slot)
    assert again.status_code == 409
    assert "您已在该场次的候补名单中" in again.content.decode()
    assert WaitlistEntry.objects.count() == 1


def test_bad_inputs_join_nothing(client, visits, full_slot):
    client.force_login(visits.visitor)
    assert "参观人数不能超过 5 人" in join(client, full_slot, visitors=99).content.decode()
    assert join(client, full_slot, pool="vip").status_code == 404
    assert join(client, full_slot, pool="group").status_code == 403
    roomy = make_slot(visits.venue, at(4, 14, base=timezone.now()))
    assert "该场次还有足够名额，请直接预约" in join(client, roomy).content.decode()
    assert not WaitlistEntry.objects.exists()


def test_accepting_an_offer_books_the_held_places(client, visits, full_slot):
    client.force_login(visits.visitor)
    join(client, full_slot)
    entry = offered(visits, full_slot)

    page = client.get(offer_url(entry)).content.decode()
    assert "已为您保留 2 个名额" in page
    response = client.post(offer_url(entry), {"answer": "accept"})

    booking = Booking.objects.get(user=visits.visitor)
    assert response["Location"] == reverse("booking:booking", args=[booking.code])
    assert (booking.status, booking.visitors) == (Booking.Status.CONFIRMED, 2)
    entry.refresh_from_db()
    assert (entry.status, entry.booking) == (Status.ACCEPTED, booking)


def test_declining_an_offer_passes_it_on(client, visits, full_slot):
    client.force_login(visits.visitor)
    join(client, full_slot)
    entry = offered(visits, full_slot)

    response = client.post(offer_url(entry), {"answer": "decline"})

    assert response["Location"] == reverse("booking:my_bookings")
    entry.refresh_from_db()
    assert entry.status == Status.DECLINED
    assert not Booking.objects.filter(user=visits.visitor).exists()


def test_an_expired_offer_says_so(client, visits, full_slot):
    client.force_login(visits.visitor)
    join(client, full_slot)
    entry = offered(visits, full_slot, hours_ago=13)  # offers last 12 hours

    assert "候补名额的确认期限已过" in client.get(offer_url(entry)).content.decode()
    response = client.post(offer_url(entry), {"answer": "accept"})
    assert response.status_code == 409
    assert "候补名额的确认期限已过" in response.content.decode()
    assert not Booking.objects.filter(user=visits.visitor).exists()


def test_a_forged_answer_or_token_changes_nothing(client, visits, full_slot):
    client.force_login(visits.visitor)
    join(client, full_slot)
    entry = offered(visits, full_slot)

    assert client.post(offer_url(entry), {"answer": "maybe"}).status_code == 400
    assert client.get(reverse("booking:waitlist_offer", args=["forged-token"])).status_code == 404
    client.force_login(visits.schools.coordinator_a)
    assert client.get(offer_url(entry)).status_code == 404
    assert client.post(offer_url(entry), {"answer": "accept"}).status_code == 404
    entry.refresh_from_db()
    assert entry.status == Status.OFFERED


def test_withdrawing_leaves_the_list(client, visits, full_slot):
    client.force_login(visits.visitor)
    join(client, full_slot)
    entry = WaitlistEntry.objects.get()
    withdraw_url = reverse("booking:waitlist_withdraw", args=[entry.token])

    client.force_login(visits.schools.coordinator_a)
    assert client.post(withdraw_url).status_code == 404
    client.force_login(visits.visitor)
    assert client.post(withdraw_url)["Location"] == reverse("booking:my_bookings")
    entry.refresh_from_db()
    assert entry.status == Status.WITHDRAWN

    page = client.post(withdraw_url, follow=True).content.decode()
    assert "该候补已结束（已撤销）" in page
