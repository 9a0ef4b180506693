"""A form post or a JSON request from an account that must first set up two-factor login gets
a 403 with the explanation, not a redirect it could not follow; nothing is changed."""

import json

import pytest
from django.urls import reverse

from education.models import Coordinator
from tests.mfa.roles import PRIVILEGED
from tests.school_factories import make_school

pytestmark = pytest.mark.django_db


def test_a_form_post_is_refused_with_a_page(client, mfa_required):
    client.force_login(PRIVILEGED["superuser"]())
    school = make_school()

    response = client.post(reverse("my_roles"), {"school": school.pk, "title": "德育主任"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "需要开启两步验证" in page
    assert reverse("mfa_activate_totp") in page
    assert not Coordinator.objects.exists()


def test_a_json_request_is_refused_with_json(client, mfa_required):
    client.force_login(PRIVILEGED["base staff"]())

    response = client.get(reverse("my_roles"), headers={"accept": "application/json"})

    assert response.status_code == 403
    body = json.loads(response.content)
    assert body["error"] == "two_factor_required"
    assert "必须开启两步验证" in body["message"]
    assert body["url"] == reverse("mfa_activate_totp")


def test_an_admin_background_request_is_refused(client, mfa_required):
    client.force_login(PRIVILEGED["editor"]())
    response = client.get(
        reverse("wagtailadmin_home"), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 403
