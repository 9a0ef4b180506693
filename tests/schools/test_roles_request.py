"""A teacher asks to coordinate a school: district first, then one of its schools and a
title. The request waits for the district's officers, who are told through the outbox in
the same transaction; a second request for the same school is refused with a clear message."""

import pytest

from education.models import Coordinator, District
from education.role_kinds import COORDINATOR_REQUEST
from tests.factories import make_user
from tests.school_factories import make_school
from tests.schools.roles_helpers import MY_URL, messages_to, request_for
from wechat.models import Message
from wechat.models.messages import Channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, teacher):
    client.force_login(teacher)
    return client


def test_step_one_lists_districts_and_step_two_only_the_districts_schools(signed_in, schools):
    html = signed_in.get(MY_URL).content.decode()
    assert "东城区" in html and "西湖区" in html
    assert 'name="school"' not in html

    html = signed_in.get(MY_URL, {"district": schools.district.pk}).content.decode()
    assert 'name="school"' in html
    assert "东城实验中学" in html and "东城第二中学" in html
    assert "西湖小学" not in html


def test_a_bad_district_in_the_address_is_a_message_not_an_error(signed_in, schools):
    for value in ("abc", "999999", "1" * 40):
        response = signed_in.get(MY_URL, {"district": value})
        assert response.status_code == 200
        assert "请选择列表中的区县" in response.content.decode()


def test_a_request_waits_and_the_district_officers_are_told(signed_in, schools, teacher):
    response = request_for(signed_in, schools.school_b, "德育处主任")
    assert response.status_code == 302
    role = Coordinator.objects.get(user=teacher)
    assert (role.school, role.title, role.status) == (schools.school_b, "德育处主任", "pending")
    assert role.decided_by is None

    sent = messages_to(schools.officer, COORDINATOR_REQUEST)
    assert len(sent) == 1
    assert sent[0].channel == Channel.EMAIL
    assert "东城第二中学" in sent[0].payload["subject"]
    assert "德育处主任" in sent[0].payload["body"]
    assert sent[0].payload["url"].endswith(f"/district/{schools.district.pk}/coordinators/")
    # Nobody else is told: not the other district's officer, not the city.
    assert Message.objects.filter(kind=COORDINATOR_REQUEST).count() == 1

    html = signed_in.get(MY_URL).content.decode()
    assert "已提交东城第二中学的学校联络员申请" in html
    assert "待审核" in html


def test_every_officer_of_the_district_is_told(signed_in, schools):
    second = make_user("officer2.dc@example.cn")
    schools.district.officers.create(user=second)
    request_for(signed_in, schools.school_a)
    assert len(messages_to(schools.officer, COORDINATOR_REQUEST)) == 1
    assert len(messages_to(second, COORDINATOR_REQUEST)) == 1


def test_a_district_without_officers_tells_the_city(signed_in, schools):
    lonely = make_school("北岸县第一中学", District.objects.create(name="北岸县"))
    request_for(signed_in, lonely)
    assert len(messages_to(schools.city_admin, COORDINATOR_REQUEST)) == 1
    assert not messages_to(schools.officer, COORDINATOR_REQUEST)


def test_a_second_request_for_the_same_school_is_refused_clearly(signed_in, schools, teacher):
    request_for(signed_in, schools.school_a)
    response = request_for(signed_in, schools.school_a, "校长")
    assert response.status_code == 200
    assert "您已申请过东城实验中学的学校联络员，正在等待区禁毒办审核，请勿重复申请" in (
        response.content.decode()
    )
    assert Coordinator.objects.filter(user=teacher).count() == 1
    assert Coordinator.objects.get(user=teacher).title == "德育处主任"
    assert Message.objects.filter(kind=COORDINATOR_REQUEST).count() == 1


def test_an_approved_coordinator_is_told_they_already_are(client, schools):
    client.force_login(schools.coordinator_a)
    response = request_for(client, schools.school_a)
    assert "您已经是东城实验中学的学校联络员" in response.content.decode()
    assert not Message.objects.exists()


def test_a_refused_request_may_be_made_again(signed_in, schools, teacher):
    request_for(signed_in, schools.school_a, "班主任")
    role = Coordinator.objects.get(user=teacher)
    role.status = Coordinator.Status.REJECTED
    role.decided_by = schools.officer
    role.save()

    assert request_for(signed_in, schools.school_a, "年级组长").status_code == 302
    role.refresh_from_db()
    assert (role.status, role.title, role.decided_by, role.decided_at) == (
        "pending",
        "年级组长",
        None,
        None,
    )
    assert len(messages_to(schools.officer, COORDINATOR_REQUEST)) == 2


def test_one_teacher_may_ask_for_two_schools(signed_in, schools, teacher):
    request_for(signed_in, schools.school_a)
    request_for(signed_in, schools.school_c)
    assert Coordinator.objects.filter(user=teacher).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"school": "", "title": "班主任"}, "请选择学校。"),
        ({"school": "999999", "title": "班主任"}, "请选择所选区县中的学校。"),
        ({"title": ""}, "请填写您在学校的职务。"),
        ({"title": "长" * 41}, "41"),
    ],
)
def test_bad_input_is_explained_and_writes_nothing(signed_in, schools, data, message):
    form = {"district": schools.district.pk, "school": schools.school_a.pk, **data}
    response = signed_in.post(MY_URL, form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Coordinator.objects.filter(status="pending").exists()
    assert not Message.objects.exists()


def test_a_school_of_another_district_is_refused(signed_in, schools):
    form = {"district": schools.district.pk, "school": schools.school_c.pk, "title": "班主任"}
    response = signed_in.post(MY_URL, form)
    assert "请选择所选区县中的学校。" in response.content.decode()
    assert not Coordinator.objects.filter(school=schools.school_c, status="pending").exists()


def test_a_request_without_a_district_asks_for_one(signed_in, schools):
    response = signed_in.post(MY_URL, {"school": schools.school_a.pk, "title": "班主任"})
    assert response.status_code == 200
    assert "请先选择学校所在区县" in response.content.decode()
    assert not Coordinator.objects.filter(status="pending").exists()
