"""Who must log in with two factors, and the Chinese wording of allauth's two-factor errors.

Every account that can see students' or schools' data, or change what the site publishes,
must: superusers and anyone given a permission (Wagtail admin access, editors, the city
office, base staff, booking managers), district officers, approved school coordinators and
lecturers (they see the schools' requests and contacts). The rule lives here, in the app
that may use both ``education``'s roles and its own lecturers (never the other way round).
"""

import segno
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from booking.models import Lecturer
from education.models import Coordinator, DistrictOfficer


def must_use_two_factors(user) -> bool:
    """Whether ``user`` must log in with an authenticator app as well as a password.
    No query for anonymous users, superusers and staff; one for everyone else."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    person = OuterRef("pk")
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Exists(Permission.objects.filter(user=person))
            | Exists(Permission.objects.filter(group__user=person))
            | Exists(DistrictOfficer.objects.filter(user=person))
            | Exists(Coordinator.objects.filter(user=person, status=Coordinator.Status.APPROVED))
            | Exists(Lecturer.objects.filter(user=person))
        )
        .exists()
    )


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


class MFAAdapter(DefaultMFAAdapter):
    """allauth's two-factor pages, with errors that say what to do next and the set-up QR
    code drawn by segno, like the site's other QR codes, to be placed in the page inline."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _("验证码不正确，请核对后重新输入。"),
        "unverified_email": _("请先验证您账号中的全部电子邮箱，再开启两步验证。"),
        "cannot_generate_recovery_codes": _("请先开启身份验证器，再生成恢复码。"),
    }

    def build_totp_svg(self, url: str) -> str:
        return segno.make(url, error="m", micro=False).svg_inline(
            scale=4, title=str(_("用身份验证器扫描此二维码")), svgclass=None, lineclass=None
        )
