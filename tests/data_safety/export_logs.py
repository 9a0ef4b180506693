"""Reading the audit trail's export entries."""

from urllib.parse import parse_qs

from wagtail.models import ModelLogEntry


def export_entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def logged_export(action: str, by) -> dict:
    """The data of the one ``action`` entry in the audit trail, which must name ``by``."""
    (entry,) = export_entries(action)
    assert entry.user == by
    return entry.data


def listing_export(listing: str, rows: int, query: str) -> dict:
    """What an admin listing's export records: the listing, the format asked for in
    ``query``, the number of rows and the filter."""
    (fmt,) = parse_qs(query)["export"]
    return {"listing": listing, "format": fmt, "rows": rows, "query": query}


def streamed_text(response) -> str:
    """The text of a streamed CSV export."""
    return b"".join(response.streaming_content).decode("utf-8-sig")
