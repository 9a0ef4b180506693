"""School roles: a teacher asks to coordinate a school; an officer of the school's district
or a city admin approves or rejects the request, and may later revoke the role.

Nothing else writes a Coordinator's status. Each step runs in one transaction that also
queues its WeChat/email message, so a message exists exactly when its event was recorded.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from education.access import CITY_PERMISSION, User, is_city_admin, visible_districts
from education.models import Coordinator, District, DistrictOfficer, School
from education.role_kinds import COORDINATOR_DECISION, COORDINATOR_REQUEST
from wechat import outbox

Status = Coordinator.Status
# with_perm() must be told which backend holds permissions when several are installed.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class RoleError(Exception):
    """A request or decision that cannot be made; ``message`` says why, in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- who holds what ----------------------------------------------------------------------


def has_school_role(user: User) -> bool:
    """Whether the user has anything to do with schools: a coordinator request or role, a
    district, or the city permission. One query (none for anonymous users and superusers)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return user.is_active
    city = Permission.objects.filter(
        content_type__app_label="education", codename="view_city_rates"
    )
    return (
        get_user_model()
        .objects.filter(pk=user.pk, is_active=True)
        .filter(
            Exists(Coordinator.objects.filter(user=OuterRef("pk")))
            | Exists(DistrictOfficer.objects.filter(user=OuterRef("pk")))
            | Exists(city.filter(user=OuterRef("pk")))
            | Exists(city.filter(group__user=OuterRef("pk")))
        )
        .exists()
    )


def display_name(user) -> str:
    return user.get_full_name() or user.email or user.get_username()


def city_admins() -> QuerySet:
    return get_user_model().objects.with_perm(CITY_PERMISSION, backend=MODEL_BACKEND)


def may_decide(user: User, school: School) -> bool:
    return visible_districts(user).filter(pk=school.district_id).exists()


@dataclass
class MyRoles:
    """What the "my schools" page lists for one user."""

    schools: list[Coordinator]
    requests: list[Coordinator]
    districts: list[DistrictOfficer]
    city_admin: bool

    def __bool__(self) -> bool:
        return bool(self.schools or self.requests or self.districts or self.city_admin)


def my_roles(user: User) -> MyRoles:
    coordinator_roles = Coordinator.objects.filter(user=user).select_related("school__district")
    pending = Q(district__schools__coordinators__status=Status.PENDING)
    officer_roles = (
        DistrictOfficer.objects.filter(user=user)
        .select_related("district")
        .annotate(pending=Count("district__schools__coordinators", filter=pending))
        .order_by("district__sort_order", "district__name")
    )
    coordinator_roles = list(coordinator_roles)
    return MyRoles(
        schools=[role for role in coordinator_roles if role.status == Status.APPROVED],
        requests=[role for role in coordinator_roles if role.status != Status.APPROVED],
        districts=list(officer_roles),
        city_admin=is_city_admin(user),
    )


def district_roles(district: District) -> tuple[list[Coordinator], list[Coordinator]]:
    """The district's pending requests (oldest first) and approved coordinators."""
    roles = (
        Coordinator.objects.filter(
            school__district=district, status__in=(Status.PENDING, Status.APPROVED)
        )
        .select_related("user", "school")
        .order_by("requested_at", "pk")
    )
    pending, approved = [], []
    for role in roles:
        (pending if role.status == Status.PENDING else approved).append(role)
    approved.sort(key=lambda role: (role.school.name, role.pk))
    return pending, approved


# --- requests and decisions --------------------------------------------------------------


def request_role(user: User, school: School, title: str) -> Coordinator:
    """Ask to coordinate ``school``; the district's officers (or, when the district has
    none, the city admins) are notified. A refused request may be made again."""
    with transaction.atomic():
        role = Coordinator.objects.select_for_update().filter(user=user, school=school).first()
        if role is None:
            role = _create_request(user, school, title)
        elif role.status == Status.REJECTED:
            role.status = Status.PENDING
            role.title = title
            role.requested_at = timezone.now()
            role.decided_by = None
            role.decided_at = None
            role.save(update_fields=["status", "title", "requested_at", "decided_by", "decided_at"])
        else:
            raise RoleError(_duplicate_message(role.status, school))
        log(role, "education.coordinator_request", user=user)
        _notify_deciders(role)
    return role


def _create_request(user: User, school: School, title: str) -> Coordinator:
    try:
        with transaction.atomic():
            return Coordinator.objects.create(user=user, school=school, title=title)
    except IntegrityError:
        # The same teacher's request for the same school, committed a moment ago.
        raise RoleError(_duplicate_message(Status.PENDING, school)) from None


def _duplicate_message(status: str, school: School) -> str:
    if status == Status.APPROVED:
        return _("您已经是%(school)s的学校联络员，无需再次申请。") % {"school": school}
    return _("您已申请过%(school)s的学校联络员，正在等待区禁毒办审核，请勿重复申请。") % {
        "school": school
    }


@dataclass(frozen=True)
class Action:
    current: str
    new: str
    outcome: Any  # what the teacher is told, five characters at most (a WeChat "phrase")
    notice: Any  # what the one who decided is told


ACTIONS = {
    "approve": Action(
        Status.PENDING,
        Status.APPROVED,
        gettext_lazy("已批准"),
        gettext_lazy("已批准%(teacher)s成为%(school)s的学校联络员。"),
    ),
    "reject": Action(
        Status.PENDING,
        Status.REJECTED,
        gettext_lazy("未通过"),
        gettext_lazy("已拒绝%(teacher)s对%(school)s的联络员申请。"),
    ),
    # Revoking keeps the row, refused, as the record of who ended the role and when.
    "revoke": Action(
        Status.APPROVED,
        Status.REJECTED,
        gettext_lazy("已撤销"),
        gettext_lazy("已撤销%(teacher)s在%(school)s的联络员资格。"),
    ),
}


def actions_for(role: Coordinator) -> list[str]:
    """The decisions that can be taken on ``role`` as it stands."""
    return [name for name, action in ACTIONS.items() if action.current == role.status]


def decide(role: Coordinator, by: User, action_name: str) -> str:
    """Take the decision ``action_name`` (a key of ACTIONS) on ``role`` as ``by``; the
    teacher is notified. Returns the notice for the one who decided."""
    action = ACTIONS[action_name]
    with transaction.atomic():
        locked = (
            Coordinator.objects.select_for_update()
            .filter(pk=role.pk)
            .select_related("school", "user")
            .first()
        )
        if locked is None:
            raise RoleError(_("该申请不存在或已被删除。"))
        if not may_decide(by, locked.school):
            raise RoleError(_("您无权审核这所学校的联络员。"))
        if locked.user_id == by.pk:
            raise RoleError(
                _("不能审核自己的联络员申请或资格，请由区禁毒办的其他人员或市禁毒办处理。")
            )
        if locked.status != action.current:
            raise RoleError(
                _("该申请已处理，当前状态：%(status)s。") % {"status": locked.get_status_display()}
            )
        locked.status = action.new
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at"])
        log(locked, f"education.coordinator_{action_name}", user=by)
        outbox.notify(
            locked.user,
            COORDINATOR_DECISION,
            {
                "school": locked.school.name,
                "outcome": str(action.outcome),
                "time": locked.decided_at,
                "url": reverse("my_roles"),
            },
            key=f"education:coordinator-decision:{locked.pk}:{_stamp(locked.decided_at)}",
        )
    return action.notice % {"teacher": display_name(locked.user), "school": locked.school}


def _notify_deciders(role: Coordinator) -> None:
    school = role.school
    officers = get_user_model().objects.filter(district_roles__district=school.district_id)
    deciders = list(officers) or list(city_admins())
    context = {
        "school": school.name,
        "district": school.district.name,
        "teacher": display_name(role.user),
        "title": role.title,
        "time": role.requested_at,
        "url": reverse("district_coordinators", args=[school.district_id]),
    }
    for decider in deciders:
        key = f"education:coordinator-request:{role.pk}:{_stamp(role.requested_at)}:{decider.pk}"
        outbox.notify(decider, COORDINATOR_REQUEST, context, key=key)


def _stamp(moment) -> int:
    return int(moment.timestamp() * 1_000_000)
