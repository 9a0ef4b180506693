"""With MFA_REQUIRED on, the answer that an account may go on (it need not use two factors,
or it has an authenticator app) is kept in its session: its next requests cost no
two-factor query until RECHECK_SECONDS have passed, a duty given in the meantime takes
effect then, and removing the authenticator app sends the account back to enrolment at
once."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from booking.models import Lecturer
from booking.two_factor_middleware import RECHECK_SECONDS
from tests.factories import PASSWORD, build_site, make_user
from tests.mfa_helpers import totp_code

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
# The page's own queries (session, user, roles, site shell), the same whether two-factor
# login is required or not.
PAGE_QUERIES = 11
# Checking again: whether the account must use two factors, whether it has an authenticator
# app (asked only of one that must), and saving the session (an update between savepoints).
RECHECK_QUERIES = {"public account": 4, "enrolled coordinator": 5}


@pytest.fixture(autouse=True)
def _site(db):
    build_site()


@pytest.fixture
def make_account(enrolled_account):
    def make(kind: str):
        if kind == "public account":
            return make_user("visitor@example.cn")
        return enrolled_account("school coordinator")[0]

    return make


def page(client):
    response = client.get(reverse("my_roles"))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("required", [False, True])
@pytest.mark.parametrize("kind", RECHECK_QUERIES)
def test_the_next_request_costs_no_two_factor_query(
    client, settings, django_assert_num_queries, make_account, kind, required
):
    settings.MFA_REQUIRED = required
    client.force_login(make_account(kind))
    page(client)
    with django_assert_num_queries(PAGE_QUERIES):
        page(client)


@pytest.mark.parametrize("kind", RECHECK_QUERIES)
def test_the_answer_is_checked_again_after_the_interval(
    client, mfa_required, django_assert_num_queries, make_account, kind
):
    client.force_login(make_account(kind))
    with time_machine.travel(START, tick=False) as clock:
        page(client)
        clock.shift(RECHECK_SECONDS - 1)
        with django_assert_num_queries(PAGE_QUERIES):
            page(client)
        clock.shift(1)
        with django_assert_num_queries(PAGE_QUERIES + RECHECK_QUERIES[kind]):
            page(client)
        with django_assert_num_queries(PAGE_QUERIES):
            page(client)


def test_a_duty_given_meanwhile_takes_effect_after_the_interval(client, mfa_required):
    user = make_user("lecturer@example.cn")
    client.force_login(user)
    with time_machine.travel(START, tick=False) as clock:
        page(client)
        Lecturer.objects.create(name="王警官", user=user, phone="13800000009")
        page(client)
        clock.shift(RECHECK_SECONDS)
        response = client.get(reverse("my_roles"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_removing_the_authenticator_sends_back_to_enrolment_at_once(
    client, mfa_required, enrolled_account
):
    user, secret = enrolled_account("school coordinator")
    client.force_login(user)
    page(client)
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})

    removal = client.post(reverse("mfa_deactivate_totp"))

    assert removal.status_code == 302
    response = client.get(reverse("my_roles"))
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_new_recovery_codes_make_it_check_again(
    client, mfa_required, django_assert_num_queries, enrolled_account
):
    user, _secret = enrolled_account("school coordinator")
    client.force_login(user)
    page(client)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    client.post(reverse("mfa_generate_recovery_codes"))

    with django_assert_num_queries(PAGE_QUERIES + RECHECK_QUERIES["enrolled coordinator"]):
        page(client)
