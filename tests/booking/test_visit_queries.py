"""Query counts of the booking site's busiest pages are pinned, whatever the number of
venues, photos, slots, closures, bookings and waiting-list entries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booking.models import Closure, VenuePhoto, WaitlistEntry
from education.models import HomePage
from tests.booking_factories import at, book_group, book_public, make_slot, make_venue
from tests.factories import make_image
from tests.school_factories import add_quiz, add_quiz_index, make_coordinator

pytestmark = pytest.mark.django_db

# The site shell is four queries (site, platform settings, view restrictions, menu pages);
# a signed-in user adds the session, the user and the header's "my schools" check.

# Anonymous: the shell, the venues, their photos with images, the images' renditions.
VENUES_QUERIES = 7
# Anonymous: the shell, the venue, its photos with images, renditions, closures, slots.
VENUE_QUERIES = 9
# Signed in: the slot with its venue, "does the user coordinate a school?".
SLOT_QUERIES = 9
# Signed in: the permissions (two: is the user base staff?), the booking with its slot,
# venue, school, class and user, "is the user its booker?", its two quizzes, the class's
# scores.
BOOKING_QUERIES = 12
# Signed in: "does the user coordinate a school?", upcoming and past bookings, waiting-list
# entries.
MY_QUERIES = 11


def queries(client, url: str) -> int:
    client.get(url)  # warm what a running site keeps (the site root, settings, renditions)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def more_of_everything(visits, round_: int) -> None:
    now, schools = timezone.now(), visits.schools
    venue = make_venue(f"第{round_}区禁毒教育基地", f"district-{round_}")
    for venue_ in (venue, visits.venue):
        VenuePhoto.objects.create(venue=venue_, image=make_image(f"展厅{round_}"), caption="展厅")
    today = timezone.localdate(now)
    day = today + timedelta(days=8 + round_)
    Closure.objects.create(venue=visits.venue, first_day=day, last_day=day, reason="检修")
    for offset in (4, 5):
        slot = make_slot(visits.venue, at(offset, 10 + round_, base=now))
        book_group(slot, schools.coordinator_a, schools.school_a, now=now, students=20, teachers=1)
        book_public(slot, schools.coordinator_a, now=now, visitors=1)
        WaitlistEntry.objects.create(
            slot=slot, pool="public", user=schools.coordinator_a, contact_name="张", phone="1"
        )
    past = make_slot(visits.venue, at(-3, 10 + round_, base=now))
    book_group(
        past, schools.coordinator_a, schools.school_a, now=past.starts_at - timedelta(days=3)
    )
    make_coordinator(schools.school_a, f"colleague{round_}@example.cn")


def test_pages_take_a_fixed_number_of_queries(client, visits):
    schools, now = visits.schools, timezone.now()
    visits.venue.max_open_per_school = visits.venue.max_open_per_person = 50
    visits.venue.save()
    VenuePhoto.objects.create(venue=visits.venue, image=make_image("序厅"), caption="序厅")
    index = add_quiz_index(HomePage.objects.get())
    slot = make_slot(visits.venue, at(3, 14, base=now))
    booking = book_group(
        slot,
        schools.coordinator_a,
        schools.school_a,
        now=now,
        school_class=schools.class_a,
        pre_quiz=add_quiz(index, "参观前测"),
        post_quiz=add_quiz(index, "参观后测"),
    )
    pages = {
        "venues": (None, reverse("booking:venues"), VENUES_QUERIES),
        "venue": (None, reverse("booking:venue", args=[visits.venue.slug]), VENUE_QUERIES),
        "slot": (schools.coordinator_a, reverse("booking:slot", args=[slot.pk]), SLOT_QUERIES),
        "booking": (
            schools.coordinator_a,
            reverse("booking:booking", args=[booking.code]),
            BOOKING_QUERIES,
        ),
        "my": (schools.coordinator_a, reverse("booking:my_bookings"), MY_QUERIES),
    }
    counts = {}
    for round_ in range(3):
        if round_:
            more_of_everything(visits, round_)
        for name, (user, url, _pinned) in pages.items():
            client.logout()
            if user:
                client.force_login(user)
            counts.setdefault(name, []).append(queries(client, url))
    assert counts == {name: [pinned] * 3 for name, (_user, _url, pinned) in pages.items()}
