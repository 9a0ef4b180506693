from django import template

from education.models import Period
from education.rate_definitions import DECLARED_NOTE, DEFINITIONS
from education.rate_reports import Summary, current_city_summary, site_target

register = template.Library()

CITY_RATE_KEY = "education.city_rate"


@register.inclusion_tag("education/includes/rate_definitions.html")
def rate_definitions() -> dict:
    """The 「指标说明」 box every rate dashboard shows."""
    return {"definitions": DEFINITIONS, "declared_note": DECLARED_NOTE}


@register.simple_tag(takes_context=True)
def city_rate(context: template.Context) -> tuple[Period, Summary] | None:
    """(period, summary) of the city's knowledge rate for the public home page, or ``None``
    before any period. Worked out once a render: the page's head (for the stylesheet) and
    its body (for the widget) both ask."""
    if CITY_RATE_KEY not in context.render_context:
        target = site_target(context["request"])
        context.render_context[CITY_RATE_KEY] = current_city_summary(target)
    return context.render_context[CITY_RATE_KEY]


@register.inclusion_tag("education/includes/rate_home_widget.html", takes_context=True)
def home_rate_widget(context: template.Context) -> dict:
    """The city's knowledge rate on the public home page: aggregates only."""
    return {"city_rate": city_rate(context)}
