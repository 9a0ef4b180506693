"""``manage.py rebuild_rates [--period ID] [--dry-run]``: recompute every Result, count row
and roster size from the attempts and the roster, print each difference from the kept
values and fix them (unless ``--dry-run``)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from education.models import Period
from education.rate_rebuild import Rebuild


class Command(BaseCommand):
    help = _("从答题记录重新计算知晓率的各项计数，列出与已存数据的差异并修正。")

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, help=_("只重算这个统计周期（ID）。"))
        parser.add_argument("--dry-run", action="store_true", help=_("只列出差异，不修改。"))

    def handle(self, *args, period, dry_run, **options):
        chosen = None
        if period is not None:
            chosen = Period.objects.filter(pk=period).first()
            if chosen is None:
                raise CommandError(_("没有 ID 为 %(id)s 的统计周期。") % {"id": period})
        found = Rebuild(chosen, fix=not dry_run, report=self.stdout.write).run()
        if not found:
            self.stdout.write(self.style.SUCCESS(_("计数与答题记录一致，没有差异。")))
        elif dry_run:
            self.stdout.write(
                self.style.WARNING(_("共 %(n)d 处差异（试运行，未修改）。") % {"n": found})
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("共 %(n)d 处差异，已全部修正。") % {"n": found}))
