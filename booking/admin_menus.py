"""Admin areas of custom views whose menu item shows only to the people they serve."""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class GatedViewSet(ViewSet):
    """A ViewSet whose menu item shows to the users ``may_open(user)`` admits."""

    def may_open(self, user) -> bool:
        raise NotImplementedError

    @cached_property
    def menu_item_class(self):
        may_open = self.may_open
        return type(
            f"{type(self).__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda item, request: may_open(request.user)},
        )
