"""``manage.py load_booking_demo``: the demo's education bases, slots, staff and bookings
(booking/demo_visits.py). Run after ``load_demo`` and ``load_school_demo``. Idempotent."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from booking.demo_visits import load_demo_visits
from education.management.demo_schools import COORDINATORS
from education.models import Coordinator


class Command(BaseCommand):
    help = (
        "载入参观预约演示数据：教育基地、每周场次、闭馆日、工作人员、讲师、预约、候补和送教申请。"
    )

    def handle(self, *args, **options):
        emails = [person.email for person in COORDINATORS]
        approved = Coordinator.objects.filter(
            user__email__in=emails, status=Coordinator.Status.APPROVED
        )
        if approved.count() < len(emails):
            raise CommandError(_("还没有学校演示数据，请先运行 manage.py load_school_demo。"))
        # Wagtail logs every action it records; at normal verbosity that is noise.
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        if options["verbosity"] < 2:
            wagtail_log.setLevel(logging.WARNING)
        try:
            result = load_demo_visits()
        finally:
            wagtail_log.setLevel(previous_level)
        if options["verbosity"]:
            for line in result.report():
                self.stdout.write(line)
