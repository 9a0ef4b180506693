"""``manage.py purge_personal_data``: remove personal data kept past its retention period
(quiz attempts: ATTEMPT_RETENTION_DAYS, see ``education.retention``; visit contacts:
BOOKING_RETENTION_DAYS, see ``booking.retention``), keeping every aggregate figure. Meant
to run daily; running it again changes nothing. Each run is written to the audit trail."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from education.retention import log_run, purge_attempts


class Command(BaseCommand):
    help = _("清除超过保存期限的个人信息（答题记录、参观联系信息），保留统计数字。")

    def handle(self, *args, **options):
        purge = purge_attempts()
        log_run("education.purge_personal_data", purge.as_data())
        self.stdout.write(
            _("答题：%(periods)d 个周期到期，删除成绩 %(results)d 条，匿名化答题 %(attempts)d 次。")
            % {**purge.as_data(), "periods": len(purge.periods)}
        )
        if apps.is_installed("booking"):
            from booking.retention import purge_contacts

            counts = purge_contacts()
            log_run("booking.purge_contacts", counts)
            self.stdout.write(
                _("参观预约：清除 %(bookings)d 个预约、%(waitlist)d 个候补的联系信息。") % counts
            )
