"""The period editor: a period ends after it starts and never overlaps another, so every
day belongs to at most one period's knowledge rate."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from education.models import Period


class PeriodForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if not (starts_on and ends_on):
            return cleaned_data
        if ends_on <= starts_on:
            self.add_error("ends_on", _("结束日期必须晚于开始日期。"))
            return cleaned_data
        overlapping = (
            Period.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
            .exclude(pk=self.instance.pk)
            .order_by("starts_on")
            .first()
        )
        if overlapping:
            self.add_error(
                None,
                _("与统计周期「%(name)s」（%(starts)s 至 %(ends)s）时间重叠，统计周期不能重叠。")
                % {
                    "name": overlapping.name,
                    "starts": overlapping.starts_on.isoformat(),
                    "ends": overlapping.ends_on.isoformat(),
                },
            )
        return cleaned_data
