"""Staff pages answer out-of-range dates with a 404 or a form error, never a server error:
the day sheet of a year the calendar does not show, the assign page's week, a talk assigned
in the year 9999, a suspension until then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from booking import lecturer_requests
from booking.errors import BookingError
from booking.lecturer_admin import REQUESTS_NS
from booking.models import LecturerRequest, Suspension
from tests.booking.lecturer_factories import ask, make_lecturer


@pytest.mark.parametrize(
    ("day", "status"),
    [("9999-12-31", 404), ("0001-01-01", 404), ("2101-01-01", 404), ("2000-01-01", 200)],
)
def test_the_day_sheet_of_a_year_out_of_range_is_not_found(client, visits, day, status):
    client.force_login(visits.staff)
    response = client.get(reverse("slot_calendar:day", args=[visits.venue.pk, day]))
    assert response.status_code == status


@pytest.fixture
def waiting(visits):
    """School A asks for a talk on Thursday 10 December 2026."""
    return ask(visits, now=timezone.now())


@pytest.mark.parametrize(
    ("week", "shown"),
    [
        ("2026-02-30", "12月7日至12月13日"),
        ("9999-12-31", "12月7日至12月13日"),
        ("0001-01-01", "12月7日至12月13日"),
        ("2026-12-23", "12月21日至12月27日"),
    ],
)
def test_the_assign_page_falls_back_to_the_first_choices_week(client, visits, waiting, week, shown):
    client.force_login(visits.manager)
    response = client.get(reverse(f"{REQUESTS_NS}:assign", args=[waiting.pk]), {"week": week})
    assert response.status_code == 200
    assert f"{shown}已安排的讲座" in response.content.decode()


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        ("9999-12-31 23:00", "讲座时间须在一年以内"),
        ("0001-01-01 00:00", "讲座时间须在当前时间之后"),
    ],
)
def test_a_talk_out_of_range_is_a_form_error(client, visits, waiting, starts_at, message):
    client.force_login(visits.manager)
    data = {
        "lecturer": make_lecturer().pk,
        "starts_at": starts_at,
        "duration_minutes": "60",
        "place": "学校报告厅",
    }
    response = client.post(reverse(f"{REQUESTS_NS}:assign", args=[waiting.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == LecturerRequest.Status.REQUESTED


def test_the_service_refuses_a_talk_beyond_the_horizon(visits, waiting):
    now = timezone.now()
    for starts_at in (
        timezone.make_aware(datetime.datetime(9999, 12, 31, 23, 0)),
        now + lecturer_requests.CHOICE_HORIZON + datetime.timedelta(minutes=1),
    ):
        with pytest.raises(BookingError, match="一年以内"):
            lecturer_requests.assign_lecturer(
                waiting,
                lecturer=make_lecturer(email=f"l{starts_at.year}@example.cn"),
                starts_at=starts_at,
                duration_minutes=60,
                place="学校报告厅",
                by=visits.manager,
                now=now,
            )
    waiting.refresh_from_db()
    assert waiting.status == LecturerRequest.Status.REQUESTED


@pytest.mark.parametrize(("days", "saved"), [(None, False), (3 * 365 + 1, False), (3 * 365, True)])
def test_a_suspension_runs_three_years_at_most(client, visits, days, saved):
    """``days`` after today, or None for 9999-12-31."""
    today = timezone.localdate()
    until = "9999-12-31" if days is None else str(today + datetime.timedelta(days=days))
    client.force_login(visits.manager)
    form = {"school": visits.schools.school_a.pk, "email": "", "until": until, "reason": "违规"}
    response = client.post(reverse("booking_suspensions:add"), form)
    assert Suspension.objects.exists() == saved
    if not saved:
        assert response.status_code == 200
        assert "暂停最长三年" in response.content.decode()
