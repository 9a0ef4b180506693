from django import template

from education.rate_definitions import DECLARED_NOTE, DEFINITIONS

register = template.Library()


@register.inclusion_tag("education/includes/rate_definitions.html")
def rate_definitions() -> dict:
    """The 「指标说明」 box every rate dashboard shows."""
    return {"definitions": DEFINITIONS, "declared_note": DECLARED_NOTE}
