"""The request form of a coordinator: only their schools to choose from (a forged id is a
form error), the service's refusals shown on the form, nothing written on bad input, and
too many submissions refused with 429."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import LecturerRequest
from tests.school_factories import make_coordinator

URL = reverse("booking:lecturer_request_new")


def _data(visits, **changes):
    first = timezone.localdate() + timedelta(days=10)
    return {
        "school": visits.schools.school_a.pk,
        "topic": "远离新型毒品",
        "audience": "七年级全体学生",
        "audience_size": "320",
        "first_choice": first.isoformat(),
        "second_choice": "",
        "third_choice": "",
        "contact_phone": "0571-87654321",
        "notes": "",
        **changes,
    }


@pytest.fixture
def coordinator(client, visits):
    client.force_login(visits.schools.coordinator_a)
    return visits.schools.coordinator_a


def test_the_form_lists_the_users_schools_only(client, visits, coordinator):
    make_coordinator(visits.schools.school_c, "teacher.a2@example.cn")

    response = client.get(URL)

    assert response.status_code == 200
    choices = list(response.context["form"].fields["school"].queryset)
    assert choices == [visits.schools.school_a]


def test_a_request_is_sent(client, visits, coordinator):
    response = client.post(URL, _data(visits))

    talk = LecturerRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("booking:lecturer_request", args=[talk.pk])
    assert (talk.school, talk.requested_by, talk.audience_size) == (
        visits.schools.school_a,
        coordinator,
        320,
    )
    page = client.get(response["Location"])
    assert "申请已提交" in page.text
    assert "待安排" in page.text


def test_a_forged_school_is_a_form_error(client, visits, coordinator):
    for forged in (visits.schools.school_b.pk, 999999, "东城实验中学"):
        response = client.post(URL, _data(visits, school=forged))

        assert response.status_code == 200
        assert "请选择您负责的学校" in response.text
    assert not LecturerRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"audience_size": "-5"}, "确保该值大于或等于1"),
        ({"audience_size": "100000"}, "确保该值小于或等于5000"),
        ({"first_choice": "明天"}, "输入一个有效的日期"),
        ({"contact_phone": "abc"}, "请填写正确的联系电话"),
        ({"topic": ""}, "请填写讲座主题"),
    ],
)
def test_bad_input_is_a_form_error(client, visits, coordinator, changes, message):
    response = client.post(URL, _data(visits, **changes))

    assert response.status_code == 200
    assert message in response.text
    assert not LecturerRequest.objects.exists()


def test_a_refusal_of_the_service_is_shown_on_the_form(client, visits, coordinator):
    past = timezone.localdate() - timedelta(days=1)

    response = client.post(URL, _data(visits, first_choice=past.isoformat()))

    assert response.status_code == 200
    assert "希望日期须在今天之后" in response.text
    assert not LecturerRequest.objects.exists()


def test_someone_without_a_school_is_sent_to_ask_for_one(client, visits):
    client.force_login(visits.visitor)

    response = client.post(URL, _data(visits))

    assert response.status_code == 302
    assert response["Location"] == reverse("my_roles")
    assert not LecturerRequest.objects.exists()


def test_too_many_submissions_are_refused(client, visits, coordinator):
    for _ in range(10):
        client.post(URL, _data(visits, topic=""))

    response = client.post(URL, _data(visits))

    assert response.status_code == 429
    assert "提交过于频繁" in response.text
    assert not LecturerRequest.objects.exists()
