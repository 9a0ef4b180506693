"""The visitor's address, as rate limits key on it (``RATELIMIT_IP_META_KEY``).

Behind nginx every request comes from 127.0.0.1; nginx passes the visitor's address in
X-Real-IP (``proxy_set_header X-Real-IP $remote_addr;``), which it overwrites, so a client
cannot forge it. X-Forwarded-For is never read: a client can prepend anything to it.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """X-Real-IP when ``settings.BEHIND_PROXY`` and it is an IP address, else REMOTE_ADDR."""
    if settings.BEHIND_PROXY:
        real_ip = request.META.get("HTTP_X_REAL_IP", "").strip()
        try:
            return str(ipaddress.ip_address(real_ip))
        except ValueError:
            pass
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if not remote_addr:
        # gunicorn on a Unix socket: only the proxy's X-Real-IP can tell visitors apart.
        raise ImproperlyConfigured(
            "REMOTE_ADDR is empty: set BEHIND_PROXY and have the proxy send X-Real-IP."
        )
    return remote_addr
