"""Staff assign a lecturer and a time: the lecturer must be active and free, with an hour's
travel between two of his talks, and the school must have no other talk at that time; a
refusal names the talk in the way and writes nothing."""

import pytest
from wagtail.models import ModelLogEntry

from booking import lecturer_requests
from booking.errors import BookingError
from booking.models import LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, schedule
from tests.booking_factories import NOW, at
from wechat.models import Message

Status = LecturerRequest.Status


@pytest.fixture
def lecturer(visits):
    return make_lecturer()


@pytest.fixture
def booked(visits, lecturer):
    """The lecturer at school B on day 3, 14:00–14:45."""
    talk = ask(visits, school=visits.schools.school_b, by=visits.schools.coordinator_b)
    return schedule(visits, talk, lecturer, at(3, 14))


def _refused(visits, talk, lecturer, starts_at, match, minutes=45):
    before = Message.objects.count()
    with pytest.raises(BookingError, match=match) as refusal:
        schedule(visits, talk, lecturer, starts_at, minutes=minutes)
    talk.refresh_from_db()
    assert talk.status == Status.REQUESTED
    assert talk.lecturer is None
    assert Message.objects.count() == before
    return refusal.value.message


def test_an_assignment_is_stored_and_logged(visits, lecturer):
    talk = schedule(visits, ask(visits), lecturer, at(3, 9), minutes=90)

    talk.refresh_from_db()
    assert talk.status == Status.SCHEDULED
    assert (talk.lecturer, talk.starts_at, talk.duration_minutes) == (lecturer, at(3, 9), 90)
    assert (talk.assigned_by, talk.assigned_at) == (visits.manager, NOW)
    assert lecturer_requests.ends_at(talk) == at(3, 10, 30)
    entry = ModelLogEntry.objects.get(action="booking.lecturer_assign")
    assert entry.user == visits.manager
    assert entry.data["lecturer"] == lecturer.pk


def test_the_same_lecturer_at_an_overlapping_time_is_refused_by_name(visits, lecturer, booked):
    message = _refused(visits, ask(visits), lecturer, at(3, 14, 30), "讲师王警官")

    assert "东城第二中学" in message
    assert "远离新型毒品" in message
    assert "12月10日 14:00–14:45" in message


@pytest.mark.parametrize(
    ("starts_at", "minutes"),
    [
        (at(3, 15, 44), 45),  # 59 minutes after the other ends
        (at(3, 12, 16), 45),  # ends 59 minutes before the other starts
    ],
)
def test_less_than_the_travel_buffer_is_refused(visits, lecturer, booked, starts_at, minutes):
    _refused(visits, ask(visits), lecturer, starts_at, "60 分钟路程时间", minutes)


@pytest.mark.parametrize("starts_at", [at(3, 15, 45), at(3, 12, 15)])
def test_exactly_the_travel_buffer_is_allowed(visits, lecturer, booked, starts_at):
    talk = schedule(visits, ask(visits), lecturer, starts_at)

    assert talk.status == Status.SCHEDULED


def test_a_long_talk_earlier_that_day_is_seen(visits, lecturer):
    first = ask(visits, school=visits.schools.school_b, by=visits.schools.coordinator_b)
    schedule(visits, first, lecturer, at(3, 9), minutes=240)  # until 13:00

    _refused(visits, ask(visits), lecturer, at(3, 13, 59), "讲师王警官")


def test_the_school_cannot_have_two_talks_at_once(visits, lecturer):
    schedule(visits, ask(visits, topic="主题一"), lecturer, at(3, 14))
    other = make_lecturer("李律师", "lawyer@example.cn")

    message = _refused(visits, ask(visits, topic="主题二"), other, at(3, 14, 30), "时间重叠")

    assert "东城实验中学" in message
    assert "主题一" in message
    assert "王警官" in message
    assert schedule(visits, ask(visits, topic="主题三"), other, at(3, 14, 45)).pk


def test_cancelled_and_declined_talks_take_no_time(visits, lecturer, booked):
    lecturer_requests.cancel_request(booked, by=visits.schools.coordinator_b, now=NOW)

    assert schedule(visits, ask(visits), lecturer, at(3, 14)).status == Status.SCHEDULED


def test_an_inactive_lecturer_is_refused(visits):
    resting = make_lecturer(active=False)

    _refused(visits, ask(visits), resting, at(3, 14), "目前不可安排")


@pytest.mark.parametrize(
    ("starts_at", "minutes", "match"),
    [
        (NOW, 45, "当前时间之后"),
        (at(3, 14), 10, "15 至 240 分钟"),
        (at(3, 14), 241, "15 至 240 分钟"),
    ],
)
def test_bad_times_are_refused(visits, lecturer, starts_at, minutes, match):
    _refused(visits, ask(visits), lecturer, starts_at, match, minutes)


def test_only_staff_with_the_permission_assign(visits, lecturer):
    talk = ask(visits)

    with pytest.raises(BookingError, match="管理人员"):
        lecturer_requests.assign_lecturer(
            talk,
            lecturer=lecturer,
            starts_at=at(3, 14),
            duration_minutes=45,
            place="礼堂",
            by=visits.staff,
            now=NOW,
        )


def test_a_request_is_assigned_once(visits, lecturer):
    talk = schedule(visits, ask(visits), lecturer, at(3, 9))

    with pytest.raises(BookingError, match="当前状态为“已安排”"):
        schedule(visits, talk, make_lecturer("李律师", "lawyer@example.cn"), at(4, 9))
