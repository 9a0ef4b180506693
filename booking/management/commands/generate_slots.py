"""``manage.py generate_slots``: make the slots of every published venue's booking window
from its weekly rules (run daily; see ``booking.slot_generation``)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from booking.slot_generation import generate_ahead


class Command(BaseCommand):
    help = _("按各公开场馆的每周场次规则，生成预约开放期内的场次（可重复运行）。")

    def handle(self, *args, **options):
        created = generate_ahead()
        self.stdout.write(_("已生成 %(count)s 个新场次。") % {"count": created})
