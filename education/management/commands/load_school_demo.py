"""``manage.py load_school_demo``: the demo city's schools, rosters and people, the question
bank, the quizzes and simulated results. Run after ``load_demo`` (it needs the home page).
Idempotent: a second run creates nothing."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from education.management.demo_question_loader import load_demo_questions
from education.management.demo_quizzes import describe, load_demo_quizzes, simulate_results
from education.management.demo_schools import PERIOD, load_demo_schools
from education.models import HomePage, Period


class Command(BaseCommand):
    help = "载入学校演示数据：区县、学校、班级、花名册、演示账号、题库、答题页面和模拟答题结果。"

    def handle(self, *args, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError(_("还没有首页，请先运行 manage.py load_demo。"))
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        if options["verbosity"] < 2:
            wagtail_log.setLevel(logging.WARNING)
        try:
            schools = load_demo_schools()
            questions = load_demo_questions()
            period = Period.objects.get(name=PERIOD[0])
            student_quiz, _public = load_demo_quizzes(home, period)
            simulated = simulate_results(student_quiz)
        finally:
            wagtail_log.setLevel(previous_level)
        if options["verbosity"]:
            for line in schools.report():
                self.stdout.write(line)
            self.stdout.write(_("题库新增 %(count)s 道题。") % {"count": questions})
            self.stdout.write(describe(simulated))
