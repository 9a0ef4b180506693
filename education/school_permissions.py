"""Who may use the schools admin: the city office only (``education.view_city_rates``, or a
superuser), whatever model permissions an editor's groups hold. Registered in
AppConfig.ready(), before any admin code asks Wagtail for these models' policies."""

from django.db.models import QuerySet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from education.access import is_city_admin
from education.models import Coordinator, District, DistrictOfficer, School
from education.roles import city_admins

ALL_ACTIONS = frozenset({"add", "change", "delete", "view"})


class CityAdminPermissionPolicy(BasePermissionPolicy):
    """Grants the city office ``actions`` on the model and nobody else anything."""

    def __init__(self, model, actions: frozenset[str] = ALL_ACTIONS):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action: str) -> bool:
        return action in self.actions and is_city_admin(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        users = city_admins()
        return users if self.actions.intersection(actions) else users.none()


def register_policies() -> None:
    register_permission_policy(District, CityAdminPermissionPolicy(District))
    register_permission_policy(School, CityAdminPermissionPolicy(School))
    register_permission_policy(DistrictOfficer, CityAdminPermissionPolicy(DistrictOfficer))
    # Requests are made by teachers on the site; the admin decides, it never creates them.
    register_permission_policy(
        Coordinator, CityAdminPermissionPolicy(Coordinator, frozenset({"change", "view"}))
    )
