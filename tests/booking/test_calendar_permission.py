"""The slot calendar and the day sheet are for users with ``booking.view_booking`` or
``booking.check_in_booking``: base staff and booking managers. Other admin users get
Wagtail's permission denied; a coordinator (no admin access) is sent to log in."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import make_user


def urls(visits) -> list[str]:
    return [
        reverse("slot_calendar:index"),
        reverse("slot_calendar:day", args=[visits.venue.pk, "2026-12-09"]),
    ]


def menu_shows_calendar(client) -> bool:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return reverse("slot_calendar:index") in html


@pytest.mark.parametrize("persona", ["staff", "manager"])
def test_staff_and_managers_see_both_pages_and_the_menu_item(client, visits, persona):
    client.force_login(getattr(visits, persona))
    for url in urls(visits):
        assert client.get(url).status_code == 200
    assert menu_shows_calendar(client)


def test_a_user_who_may_only_view_bookings_sees_them(client, visits):
    viewer = make_user("viewer@example.cn", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_booking"])
    )
    client.force_login(viewer)
    for url in urls(visits):
        assert client.get(url).status_code == 200


def test_other_admin_users_are_denied(client, visits):
    client.force_login(visits.schools.city_admin)
    assert not menu_shows_calendar(client)
    for url in urls(visits):
        response = client.get(url)
        assert response["Location"] == reverse("wagtailadmin_home")


def test_a_coordinator_is_sent_to_log_in(client, visits):
    client.force_login(visits.schools.coordinator_a)
    for url in urls(visits):
        response = client.get(url)
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
