"""Resetting a person's two-factor login when they lost their phone and recovery codes: their
authenticators are deleted, in one transaction with the audit entry (后台“报表 → 站点历史”).
Next time they log in with the password alone, and set up a new authenticator app."""

from allauth.mfa.models import Authenticator
from django.db import transaction
from wagtail.log_actions import log

RESET_ACTION = "education.reset_two_factor"  # registered in education/audit.py


def reset_two_factor(user, *, by=None) -> int:
    """Delete every authenticator of ``user``; how many there were. ``by``: who asked."""
    with transaction.atomic():
        deleted, _per_model = Authenticator.objects.filter(user_id=user.pk).delete()
        log(user, RESET_ACTION, user=by, data={"authenticators": deleted})
    return deleted
