"""The submission key made when a booking form is shown turns a double click (or a resent
form) into one booking: the second post lands on the same booking page."""

from django.urls import reverse
from django.utils import timezone

from booking.models import Booking
from tests.booking_factories import at, make_slot
from wechat.models import Message


def test_the_same_form_posted_twice_books_once(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    url = reverse("booking:book_public", args=[slot.pk])
    client.force_login(visits.visitor)
    key = client.get(url).context["form"]["key"].value()
    data = {"key": key, "contact_name": "李女士", "phone": "0571-87654321", "visitors": 3}

    first, second = client.post(url, data), client.post(url, data)

    booking = Booking.objects.get()
    assert (
        first["Location"] == second["Location"] == reverse("booking:booking", args=[booking.code])
    )
    assert Message.objects.count() == 1
    slot.refresh_from_db()
    assert slot.public_taken == 3


def test_a_new_form_has_a_new_key(client, visits):
    slot = make_slot(visits.venue, at(3, 14, base=timezone.now()))
    url = reverse("booking:book_public", args=[slot.pk])
    client.force_login(visits.visitor)
    assert (
        client.get(url).context["form"]["key"].value()
        != client.get(url).context["form"]["key"].value()
    )
