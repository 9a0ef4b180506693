"""Running ``rebuild_rates`` and reading what it printed."""

from io import StringIO

from django.core.management import call_command


def rebuild(*args: str) -> list[str]:
    out = StringIO()
    call_command("rebuild_rates", *args, stdout=out)
    return out.getvalue().splitlines()
