from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("宣传教育")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from education import (
            certificates,  # noqa: F401  (registers the certificate font check)
            page_cache,
        )
        from education.role_kinds import register_kinds
        from education.school_permissions import register_policies

        register_kinds()
        register_policies()
        page_cache.connect_signals()
