"""education/access.py, persona by persona: who sees which schools and districts, and that
anything outside a user's scope is a 404."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from education.access import (
    coordinated_schools,
    district_or_404,
    is_city_admin,
    school_or_404,
    visible_districts,
    visible_schools,
)
from education.models import Coordinator
from tests.factories import make_superuser, make_user
from tests.schools.roles_helpers import pending_request

pytestmark = pytest.mark.django_db


def names(queryset) -> set[str]:
    return {item.name for item in queryset}


def scope(schools):
    """persona -> (schools visible, districts visible), from the personas' point of view."""
    every_school = {"东城实验中学", "东城第二中学", "西湖小学"}
    return {
        "anonymous": (AnonymousUser(), set(), set()),
        "plain user": (make_user("plain@example.cn"), set(), set()),
        "pending coordinator": (pending_request(schools.school_a).user, set(), set()),
        "coordinator A": (schools.coordinator_a, {"东城实验中学"}, set()),
        "coordinator B": (schools.coordinator_b, {"东城第二中学"}, set()),
        "officer 东城区": (schools.officer, {"东城实验中学", "东城第二中学"}, {"东城区"}),
        "officer 西湖区": (schools.other_officer, {"西湖小学"}, {"西湖区"}),
        "city admin": (schools.city_admin, every_school, {"东城区", "西湖区"}),
        "superuser": (make_superuser(), every_school, {"东城区", "西湖区"}),
    }


def test_each_persona_sees_exactly_its_schools_and_districts(schools):
    for persona, (user, expected_schools, expected_districts) in scope(schools).items():
        assert names(visible_schools(user)) == expected_schools, persona
        assert names(visible_districts(user)) == expected_districts, persona


def test_school_or_404_for_every_persona_and_school(schools):
    every = [schools.school_a, schools.school_b, schools.school_c]
    for persona, (user, expected, _districts) in scope(schools).items():
        for school in every:
            if school.name in expected:
                found = school_or_404(user, school.pk)
                assert found == school, persona
                assert found.district.name  # loaded with the school
            else:
                with pytest.raises(Http404):
                    school_or_404(user, school.pk)


def test_district_or_404_for_every_persona_and_district(schools):
    every = [schools.district, schools.other_district]
    for persona, (user, _schools, expected) in scope(schools).items():
        for district in every:
            if district.name in expected:
                assert district_or_404(user, district.pk) == district, persona
            else:
                with pytest.raises(Http404):
                    district_or_404(user, district.pk)


def test_a_missing_school_or_district_is_not_found(schools):
    with pytest.raises(Http404):
        school_or_404(schools.city_admin, 999_999)
    with pytest.raises(Http404):
        district_or_404(schools.city_admin, 999_999)


def test_an_officer_who_also_coordinates_another_district_school_sees_both(schools):
    Coordinator.objects.create(
        user=schools.officer, school=schools.school_c, status=Coordinator.Status.APPROVED
    )
    assert names(visible_schools(schools.officer)) == {"东城实验中学", "东城第二中学", "西湖小学"}
    # Coordinating a school gives no view of its district.
    assert names(visible_districts(schools.officer)) == {"东城区"}


def test_only_approved_roles_are_coordinated(schools):
    pending = pending_request(schools.school_b)
    assert names(coordinated_schools(pending.user)) == set()
    assert names(coordinated_schools(schools.coordinator_a)) == {"东城实验中学"}
    assert names(coordinated_schools(AnonymousUser())) == set()


def test_city_admin_is_the_permission_or_a_superuser(schools):
    assert is_city_admin(schools.city_admin)
    assert is_city_admin(make_superuser())
    assert not is_city_admin(schools.officer)
    assert not is_city_admin(AnonymousUser())
    inactive = make_superuser("gone@example.cn")
    inactive.is_active = False
    assert not is_city_admin(inactive)
