"""One account of every kind, for the tests of who must use two-factor login."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from booking.models import Lecturer
from tests.booking_factories import make_base_staff, make_booking_manager
from tests.factories import make_superuser, make_user
from tests.school_factories import (
    make_city_admin,
    make_coordinator,
    make_district,
    make_officer,
    make_school,
)


def make_editor():
    user = make_user("editor@example.cn")
    group, _ = Group.objects.get_or_create(name="编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def make_lecturer():
    user = make_user("lecturer@example.cn")
    Lecturer.objects.create(name="王警官", user=user, phone="13800000009")
    return user


def make_wechat_visitor():
    """An account made by WeChat login: no email address, no password."""
    user = get_user_model().objects.create_user(username="wx_visitor", first_name="禁毒小卫士")
    user.set_unusable_password()
    user.save()
    return user


PRIVILEGED = {
    "superuser": make_superuser,
    "editor": make_editor,
    "city admin": make_city_admin,
    "district officer": lambda: make_officer(make_district()),
    "school coordinator": lambda: make_coordinator(make_school()),
    "base staff": make_base_staff,
    "booking manager": make_booking_manager,
    "lecturer": make_lecturer,
}

ORDINARY = {
    "public account": lambda: make_user("visitor@example.cn"),
    "pending coordinator": lambda: make_coordinator(make_school(), approved=False),
    "WeChat visitor": make_wechat_visitor,
}
