"""Template filters of the public booking pages."""

from django import template
from django.utils import dateformat, timezone
from django.utils.translation import pgettext

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
