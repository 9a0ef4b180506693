from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("参观预约")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from booking.kinds import register_kinds
        from booking.retention import purge_on_signal
        from education.retention import purging_personal_data

        register_kinds()
        purging_personal_data.connect(purge_on_signal, dispatch_uid="booking.purge_contacts")
