"""Who may see which schools: every view, export and listing of school data starts here.

- a city admin (superuser, or the ``education.view_city_rates`` permission) sees every school;
- a district officer sees the schools of their districts;
- an approved coordinator sees their own schools.

Anything outside the user's scope is a 404, never a 403 that would confirm it exists.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from education.models import Coordinator, District, School

CITY_PERMISSION = "education.view_city_rates"

User = AbstractBaseUser | AnonymousUser


def is_city_admin(user: User) -> bool:
    return user.is_authenticated and user.has_perm(CITY_PERMISSION)


def visible_districts(user: User) -> QuerySet[District]:
    if is_city_admin(user):
        return District.objects.all()
    if not user.is_authenticated:
        return District.objects.none()
    return District.objects.filter(pk__in=District.objects.filter(officers__user=user).values("pk"))


def coordinated_schools(user: User) -> QuerySet[School]:
    """Schools the user coordinates, with an approved role."""
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(pk__in=_coordinated_ids(user))


def visible_schools(user: User) -> QuerySet[School]:
    """Every school whose data the user may see."""
    if is_city_admin(user):
        return School.objects.all()
    if not user.is_authenticated:
        return School.objects.none()
    districts = District.objects.filter(officers__user=user).values("pk")
    return School.objects.filter(Q(district__in=districts) | Q(pk__in=_coordinated_ids(user)))


def _coordinated_ids(user: User) -> QuerySet:
    return Coordinator.objects.filter(user=user, status=Coordinator.Status.APPROVED).values(
        "school"
    )


def school_or_404(user: User, pk: int) -> School:
    school = visible_schools(user).select_related("district").filter(pk=pk).first()
    if school is None:
        raise Http404
    return school


def district_or_404(user: User, pk: int) -> District:
    district = visible_districts(user).filter(pk=pk).first()
    if district is None:
        raise Http404
    return district
