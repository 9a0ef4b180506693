"""``manage.py generate_rate_load [--schools N] [--students N] [--attempts N]``: fill the
database with marked load data for the rate dashboards and the quiz benchmarks (see
``education.rate_load``); ``--clear`` removes it again."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from education import rate_load


class Command(BaseCommand):
    help = _("生成用于压力测试的区县、学校、班级、学生、答题记录和知晓率计数（带“压测”标记）。")

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=2000, help=_("学校数。"))
        parser.add_argument("--students", type=int, default=1_000_000, help=_("学生数。"))
        parser.add_argument("--attempts", type=int, default=2_000_000, help=_("答题次数。"))
        parser.add_argument(
            "--classes-per-school", type=int, default=30, help=_("每所学校的班级数。")
        )
        parser.add_argument("--districts", type=int, default=16, help=_("区县数。"))
        parser.add_argument("--seed", type=int, default=626, help=_("随机数种子。"))
        parser.add_argument("--clear", action="store_true", help=_("删除已生成的压测数据。"))

    def handle(self, *args, **options):
        # Wagtail logs each page it creates or deletes: noise at normal verbosity.
        if options["verbosity"] < 2:
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        if options["clear"]:
            self._report(_("已删除"), rate_load.clear())
            return
        sizes = rate_load.Sizes(
            schools=options["schools"],
            students=options["students"],
            attempts=options["attempts"],
            classes_per_school=options["classes_per_school"],
            districts=options["districts"],
            seed=options["seed"],
        )
        problem = rate_load.size_problem(sizes)
        if problem:
            raise CommandError(problem)
        try:
            summary = rate_load.Generator(sizes, log=self.stdout.write).run()
        except rate_load.LoadExists as error:
            raise CommandError(
                _("数据库里已有压测数据，请先运行 generate_rate_load --clear。")
            ) from error
        self._report(_("已生成"), summary)

    def _report(self, verb: str, summary: rate_load.Summary) -> None:
        for name, count in summary.counts.items():
            self.stdout.write(f"{verb} {name}：{count:,}")
