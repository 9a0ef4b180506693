"""A coordinator asks for a talk at their school: the request is checked (their school,
dates ahead, audience size, open requests per school, no double submission) and a refused
one writes nothing."""

from datetime import timedelta

import pytest
from wagtail.models import ModelLogEntry

from booking import lecturer_requests
from booking.errors import BookingError
from booking.models import LecturerRequest
from tests.booking.lecturer_factories import ask, day_after
from tests.booking_factories import NOW
from tests.school_factories import make_coordinator


def test_a_coordinator_asks_for_a_talk(visits):
    talk = ask(visits, second_choice=day_after(NOW, 5), notes="  希望下午  ")

    assert talk.status == LecturerRequest.Status.REQUESTED
    assert talk.school == visits.schools.school_a
    assert talk.requested_by == visits.schools.coordinator_a
    assert talk.notes == "希望下午"
    assert lecturer_requests.choices(talk) == [day_after(NOW, 3), day_after(NOW, 5)]
    entry = ModelLogEntry.objects.get(action="booking.lecturer_request")
    assert entry.user == visits.schools.coordinator_a
    assert entry.object_id == str(talk.pk)


def test_a_third_choice_without_a_second_moves_up(visits):
    talk = ask(visits, third_choice=day_after(NOW, 9))

    assert (talk.second_choice, talk.third_choice) == (day_after(NOW, 9), None)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"first_choice": NOW.date()}, "希望日期须在今天之后"),
        ({"second_choice": NOW.date() - timedelta(days=1)}, "希望日期须在今天之后"),
        ({"first_choice": day_after(NOW, 400)}, "一年以内"),
        ({"second_choice": day_after(NOW, 3)}, "不能相同"),
        ({"audience_size": 0}, "1 至 5000"),
        ({"audience_size": 5001}, "1 至 5000"),
        ({"topic": "   "}, "请填写讲座主题"),
        ({"topic": "毒" * 61}, "讲座主题不能超过 60 个字"),
        ({"contact_phone": "call me"}, "联系电话"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(visits, fields, message):
    with pytest.raises(BookingError, match=message):
        ask(visits, **fields)

    assert not LecturerRequest.objects.exists()
    assert not ModelLogEntry.objects.filter(action="booking.lecturer_request").exists()


def test_only_a_coordinator_of_the_school_may_ask(visits):
    schools = visits.schools
    pending = make_coordinator(schools.school_a, "pending@example.cn", approved=False)

    for outsider in (schools.coordinator_b, pending, visits.manager):
        with pytest.raises(BookingError, match="不是该校的学校联络员"):
            ask(visits, by=outsider)

    assert not LecturerRequest.objects.exists()


def test_the_same_request_twice_is_one(visits):
    ask(visits)

    with pytest.raises(BookingError, match="请勿重复提交"):
        ask(visits)

    assert LecturerRequest.objects.count() == 1


def test_a_school_has_at_most_three_open_requests(visits):
    first = ask(visits, topic="主题一")
    ask(visits, topic="主题二")
    ask(visits, topic="主题三")

    with pytest.raises(BookingError, match="已有 3 个未完成的送教申请"):
        ask(visits, topic="主题四")
    ask(visits, topic="主题四", school=visits.schools.school_b, by=visits.schools.coordinator_b)

    lecturer_requests.cancel_request(first, by=visits.schools.coordinator_a, now=NOW)
    assert ask(visits, topic="主题四").topic == "主题四"
