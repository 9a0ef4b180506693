from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("宣传教育")
    default_auto_field = "django.db.models.BigAutoField"
