"""Booking a school group through the form: an approved coordinator books for their school;
every bad input (forged school or class, negative or huge counts, a bad phone, a slot that
cannot be booked) gets a clear message and writes nothing."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import Booking, Pool, Slot
from education.models import HomePage
from tests.booking_factories import at, make_slot
from tests.school_factories import add_quiz, add_quiz_index
from wechat.models import Message


@pytest.fixture
def slot(visits) -> Slot:
    return make_slot(visits.venue, at(3, 14, base=timezone.now()))


def group_data(visits, **changes) -> dict:
    data = {
        "key": uuid.uuid4().hex,
        "school": visits.schools.school_a.pk,
        "contact_name": "张老师",
        "phone": "138 0000 0001",
        "grade": 7,
        "students": 45,
        "teachers": 3,
        "notes": "请安排讲解员",
    }
    return {**data, **changes}


def post(client, slot, data):
    return client.post(reverse("booking:book_group", args=[slot.pk]), data)


def test_a_coordinator_books_a_group(client, visits, slot):
    client.force_login(visits.schools.coordinator_a)
    form = client.get(reverse("booking:book_group", args=[slot.pk]))
    assert form.status_code == 200
    assert 'name="key"' in form.content.decode()

    response = post(client, slot, group_data(visits))

    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("booking:booking", args=[booking.code])
    assert (booking.pool, booking.school, booking.headcount) == (
        Pool.GROUP,
        visits.schools.school_a,
        48,
    )
    assert (booking.phone, booking.grade, booking.notes) == ("13800000001", 7, "请安排讲解员")


def test_the_class_and_quizzes_are_kept(client, visits, slot):
    index = add_quiz_index(HomePage.objects.get())
    pre, post_quiz = add_quiz(index, "参观前测"), add_quiz(index, "参观后测")
    client.force_login(visits.schools.coordinator_a)
    data = group_data(
        visits, school_class=visits.schools.class_a.pk, pre_quiz=pre.pk, post_quiz=post_quiz.pk
    )

    assert post(client, slot, data).status_code == 302

    booking = Booking.objects.get()
    assert (booking.school_class_id, booking.pre_quiz_id, booking.post_quiz_id) == (
        visits.schools.class_a.pk,
        pre.pk,
        post_quiz.pk,
    )


BAD_INPUTS = [
    ({"school": "SCHOOL_B"}, "只能为您负责的学校预约"),
    ({"school": 999999}, "只能为您负责的学校预约"),
    ({"school_class": "CLASS_B"}, "请在列表中选择本校的班级"),
    ({"students": -5}, "学生人数至少为 1 人"),
    ({"students": 10**12}, "学生人数不能超过 60 人"),
    ({"teachers": 0}, "带队教师人数至少为 1 人"),
    ({"teachers": "三"}, "带队教师人数请填写整数"),
    ({"phone": "12345"}, "请填写 11 位手机号"),
    ({"phone": ""}, "请填写联系电话"),
    ({"grade": 99}, "请在列表中选择年级"),
    ({"key": "not-a-key"}, "表单已失效"),
    ({"students": 50, "teachers": 1}, "每 20 名学生至少需 1 名带队教师"),
    ({"students": 5, "teachers": 1}, "团体人数须在 10 至 60 人之间"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_INPUTS)
def test_bad_inputs_are_refused_with_a_message(client, visits, slot, changes, message):
    other = {"SCHOOL_B": visits.schools.school_b.pk, "CLASS_B": visits.schools.class_b.pk}
    changes = {name: other.get(value, value) for name, value in changes.items()}
    client.force_login(visits.schools.coordinator_a)

    response = post(client, slot, group_data(visits, **changes))

    assert response.status_code in (200, 409)
    assert message in response.content.decode()
    assert not Booking.objects.exists()
    assert not Message.objects.exists()


@pytest.mark.parametrize("when", ["past", "stopped", "inside_cutoff", "unopened"])
def test_slots_that_cannot_be_booked_are_refused(client, visits, when):
    now = timezone.now()
    slot = {
        "past": lambda: make_slot(visits.venue, at(-1, 14, base=now)),
        "stopped": lambda: make_slot(visits.venue, at(3, 14, base=now), closed=True),
        "inside_cutoff": lambda: make_slot(visits.venue, now + timedelta(hours=3)),
        "unopened": lambda: make_slot(visits.venue, at(60, 14, base=now)),
    }[when]()
    client.force_login(visits.schools.coordinator_a)

    response = post(client, slot, group_data(visits))

    assert response.status_code == 409
    assert "errorlist nonfield" in response.content.decode()
    assert not Booking.objects.exists()


def test_someone_who_coordinates_no_school_is_told_how_to_become_one(client, visits, slot):
    client.force_login(visits.visitor)

    for response in (
        client.get(reverse("booking:book_group", args=[slot.pk])),
        post(client, slot, group_data(visits)),
    ):
        assert response.status_code == 403
        assert reverse("my_roles") in response.content.decode()
    assert not Booking.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, visits, slot):
    url = reverse("booking:book_group", args=[slot.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={url}" in response["Location"]


def test_a_forged_slot_is_not_found(client, visits, slot):
    client.force_login(visits.schools.coordinator_a)
    response = client.post(f"/visit/slot/{slot.pk + 1000}/group/", group_data(visits))
    assert response.status_code == 404
    assert not Booking.objects.exists()


def test_quizzes_need_a_class_and_must_be_live(client, visits, slot):
    index = add_quiz_index(HomePage.objects.get())
    quiz = add_quiz(index, "参观前测")
    draft = add_quiz(index, "草稿答题")
    draft.unpublish()
    client.force_login(visits.schools.coordinator_a)

    without_class = post(client, slot, group_data(visits, pre_quiz=quiz.pk))
    unpublished = post(
        client,
        slot,
        group_data(visits, school_class=visits.schools.class_a.pk, post_quiz=draft.pk),
    )

    assert "选择了答题时，请同时指定参加答题的班级" in without_class.content.decode()
    assert "请在列表中选择答题" in unpublished.content.decode()
    assert not Booking.objects.exists()
