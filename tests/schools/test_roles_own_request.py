"""Nobody decides on their own coordinator role: an officer who also asked to coordinate a
school of their district, or a city admin, is refused with a message, and the request waits
for someone else."""

import pytest

from education import roles
from education.models import Coordinator
from tests.schools.roles_helpers import approval_url

pytestmark = pytest.mark.django_db

REFUSED = "不能审核自己的联络员申请或资格，请由区禁毒办的其他人员或市禁毒办处理。"


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_an_officer_cannot_decide_on_their_own_request(client, schools, action):
    own = Coordinator.objects.create(user=schools.officer, school=schools.school_b, title="校长")
    client.force_login(schools.officer)
    response = client.post(
        approval_url(schools.district), {"role": own.pk, "action": action}, follow=True
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    own.refresh_from_db()
    assert (own.status, own.decided_by) == (Coordinator.Status.PENDING, None)


def test_a_city_admin_cannot_either(schools):
    own = Coordinator.objects.create(user=schools.city_admin, school=schools.school_c)
    with pytest.raises(roles.RoleError, match="不能审核自己的联络员申请"):
        roles.decide(own, schools.city_admin, "approve")
    assert roles.decide(own, schools.other_officer, "approve").startswith("已批准")
