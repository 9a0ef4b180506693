"""The Content-Security-Policy by path. ``settings.CONTENT_SECURITY_POLICY`` is the public
site's policy; the Wagtail admin and page previews change a few of its directives here.

- Previews: Wagtail's preview views answer ``X-Frame-Options: SAMEORIGIN`` because the
  editor shows them in an iframe of its own; the same page may then be framed by its own
  origin, and otherwise keeps the public policy (it renders the public templates). Wagtail
  renders a preview through the whole middleware chain as if the page's public address had
  been asked for, so the preview comes back with the public header, replaced here.
- The admin (``/admin/``), for signed-in staff only: Wagtail's own templates carry inline
  scripts, event handlers and style attributes, it shows uploads before they are sent
  (``blob:``, ``data:``) and previews pages in a same-origin iframe.
"""

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"


def _public(directive: str) -> list[str]:
    return list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get(directive) or [])


def admin_changes() -> dict[str, list[str]]:
    return {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*_public("img-src"), "data:", "blob:"],
        "frame-src": [SELF, *_public("frame-src")],
    }


def preview_changes() -> dict[str, list[str]]:
    return {"frame-ancestors": [SELF]}


def changes_for(request: HttpRequest, response: HttpResponseBase) -> dict[str, list[str]]:
    if response.get("X-Frame-Options") == "SAMEORIGIN":
        return preview_changes()
    if request.path_info.startswith(ADMIN_PREFIX):
        return admin_changes()
    return {}


class PathPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's and the previews' changes; a view's own
    ``@csp_replace`` still has the last word."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only:
            parts.replace = {**changes_for(request, response), **(parts.replace or {})}
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.get("X-Frame-Options") == "SAMEORIGIN" and HEADER in response:
            del response[HEADER]
        return super().process_response(request, response)
