"""The Wagtail admin's login and password reset go through the site's account pages
(allauth), so every login passes allauth's stages, the second factor included."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import RedirectView


def admin_login(request):
    """Wagtail's login address, where the admin sends whoever it turns away: visitors log in
    on the site's page and come back to the admin page they asked for; a logged-in account
    without the admin goes to the site's home page, where the admin's message says why."""
    if request.user.is_authenticated:
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(settings.LOGIN_REDIRECT_URL)
        return redirect(_next_url(request))
    return redirect_to_login(_next_url(request), login_url="account_login")


def _next_url(request) -> str:
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("wagtailadmin_home")


admin_password_reset = RedirectView.as_view(pattern_name="account_reset_password")
