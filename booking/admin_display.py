"""How the booking admin's inspect pages show a value: times in Shanghai time (Wagtail prints
an aware datetime as stored, in UTC) and an empty value as a dash, not "None"."""

from datetime import datetime

from django.utils import timezone

EMPTY = "—"


class LocalInspectMixin:
    """For a ``wagtail.admin.views.generic.InspectView``."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return EMPTY
        if isinstance(value, datetime):
            return timezone.localtime(value)
        return value
