"""The ``?next=`` address a visitor comes back to once identified: read safely from a
request, and added to a link."""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest) -> str:
    """Where to go once identified: a path on this site ("/quizzes/…"), else "". Redirect to
    it with ``HttpResponseRedirect``: ``redirect()`` would take a bare word for a URL name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    local_path = target.startswith("/") and not target.startswith(("//", "/\\"))
    allowed = local_path and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
