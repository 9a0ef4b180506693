"""Admin spreadsheet exports a spreadsheet program cannot run as formulas, and an audited
variant for listings of personal data; shared by the apps' admin screens.

Wagtail forces XLSX cells that look like formulas back to text, but writes CSV values as they
are: a teacher's 职务 of ``=HYPERLINK(...)`` would become a live formula when the city office
opens the CSV in Excel. Text starting like a formula gets a leading apostrophe in CSV.
"""

from wagtail.admin.views import generic
from wagtail.log_actions import log

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeExportIndexView(generic.IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return defused(value) if export_format == self.FORMAT_CSV else value


class AuditedExportIndexView(SafeExportIndexView):
    """A listing of personal data: each spreadsheet taken away is written to the audit trail
    (who, which listing, its filter and how many rows) under ``export_action``, a registered
    log action of the listing's app."""

    export_action: str

    def as_spreadsheet(self, queryset, spreadsheet_format):
        data = {
            "listing": self.model._meta.label_lower,
            "format": spreadsheet_format,
            "rows": queryset.count(),
            **self._logged_filter(),
        }
        log(self.request.user, self.export_action, user=self.request.user, data=data)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def _logged_filter(self) -> dict:
        # The search box holds names and phone numbers: the trail notes only that it was used.
        query = self.request.GET.copy()
        searched = any(query.pop(self.search_kwarg, []))
        logged = {"query": query.urlencode()}
        if searched:
            logged["search_used"] = True
        return logged
