"""Reading the audit trail's export entries."""

from wagtail.models import ModelLogEntry


def export_entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))
