"""Template filters of the public booking pages."""

from django import template
from django.template import defaultfilters
from django.utils import dateformat, timezone
from django.utils.translation import pgettext, pgettext_lazy

from booking.models import Slot

register = template.Library()


@register.filter
def slot_time(slot: Slot) -> str:
    """When a slot is, in Shanghai time: “2026年12月9日（星期三）09:00–10:30”."""
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    day = dateformat.format(start, pgettext("slot date format", "Y年n月j日（l）"))
    return f"{day} {start:%H:%M}\u2060–\u2060{end:%H:%M}"  # word joiners: one line


@register.filter
def day_label(day) -> str:
    """A calendar day: “12月9日 星期三”."""
    return dateformat.format(day, pgettext("calendar day format", "n月j日 l"))


# Date formats are translated so each language gets its own (the Chinese are the msgids):
# filter name → format, e.g. ``{{ slot.day|month_label }}`` → “2026年12月”.
DATE_FORMATS = {
    "month_label": pgettext_lazy("month format", "Y年n月"),
    "long_day": pgettext_lazy("long day format", "Y年n月j日 l"),
    "short_day": pgettext_lazy("short day format", "n月j日"),
    "moment": pgettext_lazy("date and time format", "Y年n月j日 H:i"),
    "short_moment": pgettext_lazy("short date and time format", "n月j日 H:i"),
    "weekday_moment": pgettext_lazy("weekday date and time format", "n月j日（D）H:i"),
}


def _date_filter(date_format):
    def format_date(value) -> str:
        return defaultfilters.date(value, str(date_format))

    return format_date


for _name, _format in DATE_FORMATS.items():
    register.filter(_name, _date_filter(_format), expects_localtime=True)
