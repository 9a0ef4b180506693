"""Every account that sees students' or schools' data or changes content must use two-factor
login; the public, students' teachers still waiting for approval and WeChat visitors need not."""

import pytest
from django.contrib.auth.models import AnonymousUser

from booking.two_factor import must_use_two_factors
from tests.factories import make_superuser
from tests.mfa.roles import ORDINARY, PRIVILEGED

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", PRIVILEGED)
def test_privileged_accounts_must(role):
    assert must_use_two_factors(PRIVILEGED[role]()) is True


@pytest.mark.parametrize("role", ORDINARY)
def test_ordinary_accounts_need_not(role):
    assert must_use_two_factors(ORDINARY[role]()) is False


def test_anonymous_visitors_need_not():
    assert must_use_two_factors(AnonymousUser()) is False


def test_a_disabled_account_need_not():
    user = make_superuser()
    user.is_active = False
    assert must_use_two_factors(user) is False


@pytest.mark.parametrize("role", ["public account", "school coordinator"])
def test_the_answer_takes_one_query(role, django_assert_num_queries):
    user = {**ORDINARY, **PRIVILEGED}[role]()
    with django_assert_num_queries(1):
        must_use_two_factors(user)
