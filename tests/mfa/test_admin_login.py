"""The Wagtail admin has no password form of its own: its login and password reset go to the
site's account pages, so an admin's login passes the second factor too."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tests.mfa.roles import PRIVILEGED
from tests.mfa_helpers import enrol_totp, enter_code, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def login_redirect(response) -> tuple[str, str]:
    parts = urlsplit(response["Location"])
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


def test_the_admin_login_goes_to_the_site_login(client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})
    assert response.status_code == 302
    assert login_redirect(response) == (reverse("account_login"), "/admin/pages/")


def test_without_a_next_page_it_ends_in_the_admin(client):
    response = client.get("/admin/login/")
    assert login_redirect(response) == (reverse("account_login"), reverse("wagtailadmin_home"))


def test_another_site_is_never_the_next_page(client):
    response = client.get("/admin/login/", {"next": "https://evil.example.com/"})
    assert login_redirect(response)[1] == reverse("wagtailadmin_home")


def test_an_admin_page_sends_visitors_to_the_site_login(client):
    response = client.get("/admin/pages/", follow=True)
    login = response.redirect_chain[-1][0]
    assert login == f"{reverse('account_login')}?next=/admin/pages/"
    assert response.status_code == 200


def test_an_account_without_the_admin_is_sent_home_not_round_in_circles(client):
    client.force_login(make_user())
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert len(response.redirect_chain) == 2


def test_a_logged_in_admin_goes_to_the_page_asked_for(client):
    client.force_login(PRIVILEGED["editor"]())
    response = client.get("/admin/login/", {"next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"


def test_the_admin_password_reset_is_the_sites(client):
    response = client.get("/admin/password_reset/")
    assert response["Location"] == reverse("account_reset_password")
    assert client.get("/admin/password_reset/done/").status_code == 404


def test_an_admin_logs_in_with_a_code_and_lands_in_the_admin(client):
    user = PRIVILEGED["superuser"]()
    secret = enrol_totp(user)
    next_url = login_redirect(client.get("/admin/login/"))[1]

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD, "next": next_url}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    response = enter_code(client, totp_code(secret))

    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
