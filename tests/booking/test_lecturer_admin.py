"""The admin of 送教进校园: managers assign a lecturer (conflicts are form errors with the
service's message) or decline with a reason; the report's photos show on the inspect page;
nobody else gets in, and no request is added or its state edited by hand."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from PIL import Image as PILImage

from booking import lecturer_requests
from booking.lecturer_admin import REQUESTS_NS
from booking.models import Lecturer, LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, talk_at
from tests.factories import make_user
from wechat.models import Message

Status = LecturerRequest.Status
INDEX_QUERIES = 13


def _url(name, talk):
    return reverse(f"{REQUESTS_NS}:{name}", args=[talk.pk])


@pytest.fixture
def waiting(visits):
    return ask(visits, now=timezone.now())


def _assign_data(lecturer, starts_at, **changes):
    local = timezone.localtime(starts_at)
    return {
        "lecturer": lecturer.pk,
        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": "60",
        "place": "学校报告厅",
        **changes,
    }


def test_a_manager_assigns_a_lecturer(client, visits, waiting):
    lecturer = make_lecturer()
    starts_at = (timezone.now() + timedelta(days=5)).replace(second=0, microsecond=0)
    client.force_login(visits.manager)

    page = client.get(_url("assign", waiting))
    assert page.status_code == 200
    assert "七年级全体学生，300 人" in page.text
    response = client.post(_url("assign", waiting), _assign_data(lecturer, starts_at))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.lecturer, waiting.starts_at) == (
        Status.SCHEDULED,
        lecturer,
        starts_at,
    )
    assert Message.objects.count() == 2


def test_a_conflict_is_a_form_error(client, visits, waiting):
    lecturer = make_lecturer()
    other = talk_at(visits, timezone.now() + timedelta(days=5), lecturer)
    client.force_login(visits.manager)

    response = client.post(
        _url("assign", waiting), _assign_data(lecturer, other.starts_at + timedelta(minutes=30))
    )

    assert response.status_code == 200
    assert "讲师王警官在" in response.text
    assert "两场讲座之间至少要留 60 分钟路程时间" in response.text
    assert "远离新型毒品" in response.text  # the other talk, listed for its week
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED
    assert Message.objects.count() == 2  # the other talk's


def test_an_inactive_lecturer_cannot_be_picked(client, visits, waiting):
    resting = make_lecturer(active=False)
    client.force_login(visits.manager)

    response = client.post(
        _url("assign", waiting), _assign_data(resting, timezone.now() + timedelta(days=5))
    )

    assert response.status_code == 200
    assert "请选择可安排的讲师" in response.text
    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED


def test_a_manager_declines_and_the_school_sees_why(client, visits, waiting):
    client.force_login(visits.manager)

    response = client.post(_url("decline", waiting), {"reason": "本月讲师已排满"})

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decline_reason) == (Status.DECLINED, "本月讲师已排满")
    client.force_login(visits.schools.coordinator_a)
    page = client.get(reverse("booking:lecturer_request", args=[waiting.pk]))
    assert "原因：本月讲师已排满" in page.text
    assert "很抱歉，这次申请无法安排" in page.text


def test_a_decided_request_is_not_decided_again(client, visits, waiting):
    lecturer_requests.decline_request(waiting, by=visits.manager, reason="已排满")
    client.force_login(visits.manager)

    page = client.get(_url("assign", waiting), follow=True)
    assert "无需再处理" in page.text
    response = client.post(
        _url("assign", waiting), _assign_data(make_lecturer(), timezone.now() + timedelta(days=5))
    )
    assert "当前状态为“无法安排”" in response.text
    waiting.refresh_from_db()
    assert waiting.status == Status.DECLINED


def test_others_are_kept_out(client, visits, waiting):
    """Users without the admin go to its login; door staff are sent back to its home."""
    lecturer = make_lecturer()
    data = _assign_data(lecturer, timezone.now() + timedelta(days=5))
    kept_out = (
        (visits.schools.coordinator_a, "/admin/login/"),
        (lecturer.user, "/admin/login/"),
        (visits.staff, "/admin/"),
    )
    for user, sent_to in kept_out:
        client.force_login(user)
        responses = [client.get(_url(name, waiting)) for name in ("assign", "decline", "inspect")]
        responses += [
            client.post(_url("assign", waiting), data),
            client.post(_url("decline", waiting), {"reason": "无"}),
        ]
        for response in responses:
            assert response.status_code == 302
            assert response["Location"].split("?")[0] == sent_to

    waiting.refresh_from_db()
    assert waiting.status == Status.REQUESTED
    assert not Message.objects.exists()


def test_no_request_is_added_and_no_state_edited_by_hand(client, visits, waiting):
    with pytest.raises(NoReverseMatch):
        reverse(f"{REQUESTS_NS}:add")
    client.force_login(visits.manager)

    page = client.get(_url("edit", waiting))

    assert set(page.context["form"].fields) == {
        "topic",
        "audience",
        "audience_size",
        "contact_phone",
        "notes",
    }
    assert "photos-TOTAL_FORMS" not in page.text


def test_the_report_and_its_photos_show_on_the_inspect_page(client, visits):
    talk = talk_at(visits, timezone.now() - timedelta(hours=2))
    buffer = io.BytesIO()
    PILImage.new("RGB", (50, 40), "#c62828").save(buffer, "PNG")
    photo = SimpleUploadedFile("现场.png", buffer.getvalue())
    lecturer_requests.report_talk(
        talk, by=talk.lecturer.user, attendance=260, report="互动热烈。", photos=[photo]
    )
    client.force_login(visits.manager)

    page = client.get(_url("inspect", talk))

    assert page.status_code == 200
    assert "互动热烈。" in page.text
    assert page.text.count('alt="远离新型毒品"') == 1
    local = timezone.localtime(talk.starts_at)
    assert f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}" in page.text
    assert re.search(r"备选日期一</dt>\s*<dd>\s*—\s*</dd>", page.text)


def test_the_index_lists_requests_in_fixed_queries(client, visits, django_assert_num_queries):
    client.force_login(visits.manager)
    url = reverse(f"{REQUESTS_NS}:index")
    lecturer = make_lecturer()
    for days in (3, 4, 5):
        schools = visits.schools
        ask(
            visits,
            topic=f"主题{days}",
            school=schools.school_b,
            by=schools.coordinator_b,
            now=timezone.now(),
        )
        talk_at(visits, timezone.now() + timedelta(days=days), lecturer)
        assert client.get(url).status_code == 200  # warms what a running site keeps
        with django_assert_num_queries(INDEX_QUERIES):
            response = client.get(url)

    assert all(f"主题{days}" in response.text for days in (3, 4, 5))
    assert len(response.context["object_list"]) == 6


def test_a_lecturer_is_added_by_the_email_of_his_account(client, visits):
    user = make_user("officer.wang@example.cn")
    client.force_login(visits.manager)
    url = reverse("booking_lecturers:add")
    data = {
        "name": "王警官",
        "organisation": "",
        "phone": "13700000003",
        "topics": "",
        "active": "on",
    }

    unknown = client.post(url, {**data, "email": "nobody@example.cn"})
    assert "没有使用这个邮箱的账号" in unknown.text
    response = client.post(url, {**data, "email": "Officer.Wang@example.cn"})

    assert response.status_code == 302
    assert Lecturer.objects.get().user == user
    again = client.post(url, {**data, "name": "又一位", "email": "officer.wang@example.cn"})
    assert "该账号已是讲师“王警官”的账号" in again.text


def test_a_lecturer_with_talks_is_kept(client, visits):
    lecturer = make_lecturer()
    talk_at(visits, timezone.now() + timedelta(days=3), lecturer)
    spare = make_lecturer("李律师", "lawyer@example.cn")
    client.force_login(visits.manager)

    response = client.post(reverse("booking_lecturers:delete", args=[lecturer.pk]), follow=True)

    assert "讲师“王警官”已有讲座记录，不能删除" in response.text
    assert client.post(reverse("booking_lecturers:delete", args=[spare.pk])).status_code == 302
    assert list(Lecturer.objects.all()) == [lecturer]
