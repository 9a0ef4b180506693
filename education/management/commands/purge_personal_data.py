"""``manage.py purge_personal_data``: remove personal data kept past its retention period
(quiz attempts: ATTEMPT_RETENTION_DAYS, see ``education.retention``; every other app's
through the ``purging_personal_data`` signal, e.g. visit contacts in ``booking.retention``),
keeping every aggregate figure. Meant to run daily; running it again changes nothing. Each
run is written to the audit trail."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from education.retention import log_run, purge_attempts, purging_personal_data


class Command(BaseCommand):
    help = _("清除超过保存期限的个人信息（答题记录、参观联系信息），保留统计数字。")

    def handle(self, *args, **options):
        purge = purge_attempts()
        log_run("education.purge_personal_data", purge.as_data())
        self.stdout.write(
            _("答题：%(periods)d 个周期到期，删除成绩 %(results)d 条，匿名化答题 %(attempts)d 次。")
            % {**purge.as_data(), "periods": len(purge.periods)}
        )
        for _receiver, line in purging_personal_data.send(sender=self.__class__):
            self.stdout.write(line)
