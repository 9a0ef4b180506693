"""While it has no authenticator app, a privileged account can still open what setting one up
takes: the two-factor pages, confirming its password, logging out; a WeChat account without a
password is asked to set one first, since allauth confirms it before enrolment."""

import pytest
from django.urls import reverse

from education.models import Coordinator
from tests.factories import PASSWORD
from tests.mfa.roles import PRIVILEGED, make_wechat_visitor
from tests.school_factories import make_school

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.mark.parametrize(
    "name", ["mfa_index", "mfa_activate_totp", "account_reauthenticate", "account_email"]
)
def test_the_pages_of_enrolment_open(client, mfa_required, name):
    client.force_login(PRIVILEGED["superuser"]())
    response = client.get(reverse(name))
    assert response.status_code in (200, 302)
    assert response.get("Location", "") != reverse("mfa_activate_totp")


def test_confirming_the_password_leads_to_the_activation_page(client, mfa_required):
    user = PRIVILEGED["district officer"]()
    client.force_login(user)
    activate = reverse("mfa_activate_totp")

    reauthenticate = client.get(activate)["Location"]
    assert reauthenticate.startswith(reverse("account_reauthenticate"))
    response = client.post(reauthenticate, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == activate
    assert response.status_code == 200


def test_logging_out_works(client, mfa_required):
    client.force_login(PRIVILEGED["lecturer"]())
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_wechat_account_sets_a_password_first(client, mfa_required):
    user = make_wechat_visitor()
    Coordinator.objects.create(user=user, school=make_school(), status=Coordinator.Status.APPROVED)
    client.force_login(user)

    response = client.get(reverse("my_roles"))

    assert response["Location"] == reverse("account_set_password")
    assert client.get(reverse("account_set_password")).status_code == 200
