"""manage.py reset_two_factor <email> deletes a person's authenticators and records who was
reset in the site history; the person then logs in with the password alone."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import build_site
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_recovery_codes, enrol_totp, log_in

pytestmark = pytest.mark.django_db


def test_it_deletes_the_authenticators_and_logs_it(capsys):
    build_site()
    user = PRIVILEGED["district officer"]()
    enrol_totp(user)
    enrol_recovery_codes(user)
    other = PRIVILEGED["superuser"]()
    enrol_totp(other)

    call_command("reset_two_factor", user.email.upper())

    assert not Authenticator.objects.filter(user=user).exists()
    assert Authenticator.objects.filter(user=other).exists()
    entry = ModelLogEntry.objects.get(action="education.reset_two_factor")
    assert entry.object_id == str(user.pk)
    assert entry.data == {"authenticators": 2}
    assert entry.message == "重置了两步验证"
    assert "已重置" in capsys.readouterr().out


def test_the_person_then_logs_in_with_the_password(client):
    build_site()
    user = PRIVILEGED["lecturer"]()
    enrol_totp(user)
    call_command("reset_two_factor", user.email)

    response = log_in(client, user.email)

    assert response["Location"] != reverse("mfa_authenticate")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_unknown_email_is_an_error_in_chinese():
    with pytest.raises(CommandError, match="没有使用邮箱 nobody@example.cn 的账号"):
        call_command("reset_two_factor", "nobody@example.cn")
    assert not ModelLogEntry.objects.filter(action="education.reset_two_factor").exists()
