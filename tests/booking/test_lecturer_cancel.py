"""A coordinator of the school cancels a request until its talk starts; a scheduled talk's
lecturer is told by message (and the page gives the phone number for a late change)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from booking import lecturer_requests
from booking.errors import BookingError
from booking.models import LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, schedule, talk_at
from tests.booking_factories import NOW, at
from wechat.models import Message

Status = LecturerRequest.Status


def _cancel_url(talk):
    return reverse("booking:lecturer_request_cancel", args=[talk.pk])


def test_a_coordinator_cancels_a_waiting_request(client, visits):
    talk = ask(visits, now=timezone.now())
    client.force_login(visits.schools.coordinator_a)

    response = client.post(_cancel_url(talk), follow=True)

    talk.refresh_from_db()
    assert talk.status == Status.CANCELLED
    assert "申请已取消" in response.text
    assert (
        ModelLogEntry.objects.get(action="booking.lecturer_cancel").user
        == visits.schools.coordinator_a
    )


def test_cancelling_a_scheduled_talk_tells_the_lecturer(client, visits):
    talk = talk_at(visits, timezone.now() + timedelta(days=2))
    client.force_login(visits.schools.coordinator_a)

    page = client.get(reverse("booking:lecturer_request", args=[talk.pk]))
    assert "取消后系统会通知讲师" in page.text
    response = client.post(_cancel_url(talk), follow=True)

    talk.refresh_from_db()
    assert talk.status == Status.CANCELLED
    assert "已通知讲师王警官讲座取消" in response.text and "13700000003" in response.text
    told = Message.objects.get(kind="booking.lecturer_cancelled")
    assert told.user == talk.lecturer.user


def test_a_talk_that_has_started_cannot_be_cancelled(visits):
    talk = schedule(visits, ask(visits), make_lecturer(), at(3, 14))

    with pytest.raises(BookingError, match="讲座已经开始"):
        lecturer_requests.cancel_request(talk, by=visits.schools.coordinator_a, now=at(3, 14))

    talk.refresh_from_db()
    assert talk.status == Status.SCHEDULED


def test_only_a_coordinator_of_the_school_cancels(client, visits):
    talk = talk_at(visits, timezone.now() + timedelta(days=2))
    client.force_login(talk.lecturer.user)

    page = client.get(reverse("booking:lecturer_request", args=[talk.pk]))
    assert "取消申请" not in page.text
    response = client.post(_cancel_url(talk), follow=True)

    assert "只有该校的学校联络员可以取消申请" in response.text
    talk.refresh_from_db()
    assert talk.status == Status.SCHEDULED


def test_a_closed_request_cannot_be_cancelled(visits):
    talk = ask(visits)
    lecturer_requests.decline_request(talk, by=visits.manager, reason="讲师已排满")
    declined = Message.objects.get(kind="booking.lecturer_declined")
    assert declined.user == visits.schools.coordinator_a

    with pytest.raises(BookingError, match="该申请已无法安排，不能取消"):
        lecturer_requests.cancel_request(talk, by=visits.schools.coordinator_a, now=NOW)
