"""A recovery code stands in for the authenticator's code once; used again it is refused."""

import pytest

from tests.mfa_helpers import enrol_recovery_codes, log_in_with_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def test_a_recovery_code_works_once(client, enrolled_account):
    user, _secret = enrolled_account("city admin")
    code = enrol_recovery_codes(user)[0]

    log_in_with_code(client, user, code)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert code not in enrol_recovery_codes(user)
    client.logout()

    response = log_in_with_code(client, user, code)
    assert "验证码不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session
