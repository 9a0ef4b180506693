"""An officer (or a city admin) approves or rejects a pending request, and revokes an approved
coordinator, on the district's approval page. Who decided and when is recorded, the teacher is
told through the outbox, and a decision taken twice is refused with a message."""

import pytest
from django.utils import timezone

from education.access import coordinated_schools
from education.models import Coordinator
from education.role_kinds import COORDINATOR_DECISION
from tests.schools.roles_helpers import approval_url, messages_to, pending_request

pytestmark = pytest.mark.django_db


def decide(client, district, role, action: str):
    return client.post(approval_url(district), {"role": role.pk, "action": action}, follow=True)


@pytest.fixture
def officer_client(client, schools):
    client.force_login(schools.officer)
    return client


def test_the_page_lists_pending_requests_and_approved_coordinators(officer_client, schools):
    pending_request(schools.school_b, "waiting@example.cn", title="教务主任")
    html = officer_client.get(approval_url(schools.district)).content.decode()
    assert "waiting@example.cn" in html and "教务主任" in html
    assert 'value="approve"' in html and 'value="reject"' in html
    # Both approved coordinators of the district, with a revoke button each.
    assert "teacher.a@example.cn" in html and "teacher.b@example.cn" in html
    assert html.count('value="revoke"') == 2


def test_approve(officer_client, schools):
    role = pending_request(schools.school_b)
    before = timezone.now()
    response = decide(officer_client, schools.district, role, "approve")
    assert response.status_code == 200
    assert (
        "已批准teacher.pending@example.cn成为东城第二中学的学校联络员" in response.content.decode()
    )
    role.refresh_from_db()
    assert role.status == Coordinator.Status.APPROVED
    assert role.decided_by == schools.officer
    assert role.decided_at >= before
    assert list(coordinated_schools(role.user)) == [schools.school_b]

    told = messages_to(role.user, COORDINATOR_DECISION)
    assert len(told) == 1
    assert "已批准" in told[0].payload["subject"]
    assert told[0].payload["url"].endswith("/my/")


def test_reject(officer_client, schools):
    role = pending_request(schools.school_a)
    response = decide(officer_client, schools.district, role, "reject")
    assert "已拒绝teacher.pending@example.cn对东城实验中学的联络员申请" in response.content.decode()
    role.refresh_from_db()
    assert (role.status, role.decided_by) == (Coordinator.Status.REJECTED, schools.officer)
    assert not coordinated_schools(role.user).exists()
    assert "未通过" in messages_to(role.user, COORDINATOR_DECISION)[0].payload["subject"]


def test_revoke(officer_client, schools):
    role = Coordinator.objects.get(user=schools.coordinator_a)
    response = decide(officer_client, schools.district, role, "revoke")
    assert "已撤销teacher.a@example.cn在东城实验中学的联络员资格" in response.content.decode()
    role.refresh_from_db()
    assert (role.status, role.decided_by) == (Coordinator.Status.REJECTED, schools.officer)
    assert not coordinated_schools(schools.coordinator_a).exists()
    assert (
        "已撤销" in messages_to(schools.coordinator_a, COORDINATOR_DECISION)[0].payload["subject"]
    )


def test_the_city_admin_decides_for_any_district(client, schools):
    role = pending_request(schools.school_c)
    client.force_login(schools.city_admin)
    decide(client, schools.other_district, role, "approve")
    role.refresh_from_db()
    assert (role.status, role.decided_by) == (Coordinator.Status.APPROVED, schools.city_admin)


@pytest.mark.parametrize(
    ("first", "second"), [("approve", "approve"), ("approve", "reject"), ("reject", "approve")]
)
def test_a_request_is_decided_once(officer_client, schools, first, second):
    role = pending_request(schools.school_b)
    decide(officer_client, schools.district, role, first)
    role.refresh_from_db()
    decided = (role.status, role.decided_at)
    response = decide(officer_client, schools.district, role, second)
    assert "该申请已处理" in response.content.decode()
    role.refresh_from_db()
    assert (role.status, role.decided_at) == decided
    assert len(messages_to(role.user, COORDINATOR_DECISION)) == 1


def test_a_pending_request_cannot_be_revoked(officer_client, schools):
    role = pending_request(schools.school_b)
    response = decide(officer_client, schools.district, role, "revoke")
    assert "该申请已处理，当前状态：待审核" in response.content.decode()
    role.refresh_from_db()
    assert role.status == Coordinator.Status.PENDING


@pytest.mark.parametrize(
    "data", [{}, {"role": "abc", "action": "approve"}, {"role": "1", "action": "delete"}]
)
def test_bad_input_is_a_message(officer_client, schools, data):
    role = pending_request(schools.school_b)
    response = officer_client.post(approval_url(schools.district), data, follow=True)
    assert response.status_code == 200
    assert "找不到该申请" in response.content.decode()
    role.refresh_from_db()
    assert role.status == Coordinator.Status.PENDING
