"""Whatever a booker posts to the group and public booking forms — negative, huge or
non-numeric headcounts, any phone format, unicode names, very long notes, slots that are
closed, full, past or not open yet, the wrong pool, a stale or repeated submission key — the
answer is a booking or a refusal that says why in Chinese, never a server error, and no slot
ever holds more persons or groups than it has places for."""

import uuid

import pytest
from django.utils import timezone
from hypothesis import event, given, settings
from hypothesis import strategies as st

from booking.models import Booking, Pool, Slot
from booking.places import recount
from tests.booking_factories import at, book_public, make_slot, make_venue
from tests.factories import make_user
from tests.property.examples import (
    assert_answered,
    assert_explained,
    isolated_example,
    row_counts,
)
from wechat.models import Message

pytestmark = pytest.mark.django_db

WRITTEN = (Booking, Message)
ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
# Counts a form accepts (a party, a group) as often as ones it refuses.
COUNTS = st.one_of(
    st.integers(1, 6).map(str),
    st.integers(10, 60).map(str),
    st.integers(-5, 130).map(str),
    st.sampled_from(
        ["", "abc", "1e3", "3.0", " 12 ", "１２", "٣", "+5", "-0", "0x10", "9" * 30, "9" * 5000]
    ),
)
PHONES = (
    st.sampled_from(
        [
            "13800000001",
            "138 0000 0001",
            "+86 13800000001",
            "0086-13800000001",
            "0571-12345678",
            "0571-12345678-123",
            "12345",
            "１３８００００００１",
            "",
            "1" * 40,
        ]
    )
    | ANY_TEXT
)
NAMES = st.sampled_from(["张老师", "欧阳 明", "", " ", "Ｌｉ"]) | ANY_TEXT | st.just("名" * 41)
NOTES = ANY_TEXT | st.sampled_from(["讲" * 500, "讲" * 501, "a\x00b", "x" * 20_000])
KEYS = st.sampled_from(["repeat", "fresh", "fresh", "fresh", "", "not-a-uuid", "ｋｅｙ"])
SLOTS = st.sampled_from(["open", "tight", "closed", "past", "not_yet", "cut_off", "hidden", "gone"])


@st.composite
def submissions(draw, references: dict[str, list[str]]) -> dict:
    """One POST of a booking form: fields of either pool, present or not, sensible or not."""
    fields = {
        "contact_name": NAMES,
        "phone": PHONES,
        "students": COUNTS,
        "teachers": COUNTS,
        "visitors": COUNTS,
        "grade": st.sampled_from(["", "7", "12", "13", "0", "七"]),
        "school": st.sampled_from(references["school"]) | ANY_TEXT,
        "school_class": st.sampled_from(references["school_class"]) | ANY_TEXT,
        "pre_quiz": st.sampled_from(["", "0", "999999"]) | ANY_TEXT,
        "notes": NOTES,
    }
    likely = {"contact_name", "phone", "students", "teachers", "visitors", "school"}
    data = {}
    for name, values in fields.items():
        if draw(st.integers(0, 9)) < (9 if name in likely else 3):
            data[name] = draw(values)
    return {
        "data": data,
        "key": draw(KEYS),
        "pool": draw(st.sampled_from([Pool.GROUP, Pool.PUBLIC])),
        "slot": draw(SLOTS),
        "who": draw(st.sampled_from(["coordinator", "coordinator", "visitor", "visitor", "anon"])),
    }


@pytest.fixture
def world(visits):
    venue = visits.venue
    hidden = make_venue("区禁毒教育基地", "district-base", published=False)
    slots = {
        "open": visits.slot,
        "tight": make_slot(venue, at(3), group_capacity=70, public_capacity=6, max_groups=2),
        "closed": make_slot(venue, at(4), closed=True, note="设备检修"),
        "past": make_slot(venue, at(-1)),
        "not_yet": make_slot(venue, at(60)),
        "cut_off": make_slot(venue, at(0, 15)),
        "hidden": make_slot(hidden, at(2)),
    }
    book_public(slots["tight"], make_user("neighbour@example.cn"), visitors=3)
    schools = visits.schools
    references = {
        "school": [str(schools.school_a.pk), str(schools.school_b.pk), "", "0"],
        "school_class": [str(schools.class_a.pk), str(schools.class_b.pk), ""],
    }
    users = {"coordinator": schools.coordinator_a, "visitor": visits.visitor, "anon": None}
    return {"slots": slots, "references": references, "users": users}


def form_path(world, submission) -> str:
    slot = world["slots"].get(submission["slot"])
    pool = "group" if submission["pool"] == Pool.GROUP else "public"
    return f"/visit/slot/{slot.pk if slot else 999_999}/{pool}/"


def posted_headcount(submission) -> int:
    names = ("students", "teachers") if submission["pool"] == Pool.GROUP else ("visitors",)
    return sum(int(submission["data"][name].strip()) for name in names)


def assert_never_oversold() -> None:
    now = timezone.now()
    for slot in Slot.objects.all():
        taken = recount(slot, now)
        assert taken.group <= slot.group_capacity, slot
        assert taken.public <= slot.public_capacity, slot
        assert taken.groups <= slot.max_groups, slot


@settings(max_examples=40)
@given(data=st.data())
def test_bookings_never_oversell_nor_fail(client, world, data):
    posts = data.draw(st.lists(submissions(world["references"]), min_size=1, max_size=3))
    with isolated_example(client):
        repeated_key = uuid.uuid4().hex
        for submission in posts:
            user = world["users"][submission["who"]]
            client.logout()
            if user is not None:
                client.force_login(user)
            key = {"repeat": repeated_key, "fresh": uuid.uuid4().hex}.get(
                submission["key"], submission["key"]
            )
            before = row_counts(*WRITTEN)
            response = client.post(form_path(world, submission), {**submission["data"], "key": key})
            assert_answered(response)
            event(f"answered {response.status_code}")
            if user is None:
                assert response.status_code == 302 and "/accounts/login/" in response["Location"]
            elif response.status_code == 302:
                code = response["Location"].rstrip("/").rsplit("/", 1)[-1]
                booking = Booking.objects.get(code=code)
                assert booking.user == user
                assert booking.pool == submission["pool"]
                assert booking.headcount == posted_headcount(submission)
            elif response.status_code != 404:
                assert response.status_code in (200, 403, 409, 429)
                assert_explained(response)
            if response.status_code != 302 or user is None:
                assert row_counts(*WRITTEN) == before
            assert_never_oversold()
