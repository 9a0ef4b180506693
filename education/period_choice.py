"""The period a dashboard shows: ``?period=<id>``, else the current one."""

from dataclasses import dataclass

from django.http import HttpRequest

from education.models import Period


@dataclass(frozen=True)
class PeriodChoice:
    period: Period | None
    periods: list[Period]
    # A period was asked for that does not exist (or is not a number): say so.
    unknown: bool = False


def choose_period(request: HttpRequest) -> PeriodChoice:
    periods = list(Period.objects.all())
    wanted = request.GET.get("period", "").strip()
    chosen = next((period for period in periods if str(period.pk) == wanted), None)
    if chosen is not None:
        return PeriodChoice(chosen, periods)
    current = Period.objects.current() if periods else None
    return PeriodChoice(current, periods, unknown=bool(wanted))
