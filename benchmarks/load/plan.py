"""What the simulated visitors of ``locustfile.py`` do, drawn from the demo data: the public
pages they read, the roster students who take the quiz (each once), the signed-in visitors
who book the demo venues' slots, the search words. Written as one JSON file that the load
generator reads; made in a process set up against the stack's database (a throwaway copy of
the demo data, so nothing made here is removed again)."""

import json
from datetime import timedelta
from pathlib import Path

from django.db.models import Exists, OuterRef
from django.utils import timezone

PREFIX = "bench-load-"
SEARCHES = ["冰毒", "合成毒品", "禁毒宣传", "大麻", "6·26", "青少年 毒品", "戒毒", "海洛因"]
READS_PER_KIND = 12


def build(path: Path, *, students: int, visitors: int) -> dict:
    plan = {
        "reads": public_pages(),
        "searches": SEARCHES,
        "quiz": quiz_takers(students),
        "booking": booking_clients(visitors),
    }
    path.write_text(json.dumps(plan, ensure_ascii=False))
    return plan


def public_pages() -> dict[str, list[str]]:
    """Addresses by kind: the home page, the section indexes and a dozen pages of each kind."""
    from education import models

    def urls(*kinds) -> list[str]:
        found = []
        for kind in kinds:
            pages = kind.objects.live().public().order_by("-first_published_at")
            found += [page.url for page in pages[:READS_PER_KIND]]
        return found

    indexes = (
        models.ArticleIndexPage,
        models.CampaignIndexPage,
        models.DrugFactIndexPage,
        models.EventIndexPage,
    )
    return {
        "home": urls(models.HomePage)[:1],
        "index": urls(*indexes),
        "article": urls(models.ArticlePage),
        "campaign": urls(models.CampaignPage),
        "drug fact": urls(models.DrugFactPage),
        "event": urls(models.EventPage),
    }


def quiz_takers(count: int) -> dict:
    """The demo's open quiz for enrolled students and ``count`` roster students who have not
    answered it yet, spread over the schools with a roster, each with their class code."""
    from education.models import Attempt, QuizPage, Student
    from education.quiz_attempts import open_quizzes

    quiz = open_quizzes().filter(audience=QuizPage.Audience.STUDENTS).first()
    answered = Attempt.objects.filter(student=OuterRef("pk"), quiz=quiz)
    students = (
        Student.objects.filter(active=True)
        .exclude(Exists(answered))
        .select_related("school_class")
        .order_by("?")[:count]
    )
    return {
        "page": quiz.pk,
        "students": [
            {"code": s.school_class.code, "number": s.number, "name": s.name} for s in students
        ],
    }


def booking_clients(count: int) -> dict:
    """``count`` signed-in visitors (new accounts, sessions made here) and the demo slots with
    public places open for booking."""
    from benchmarks import booking_load
    from booking.models import Pool, Slot

    now = timezone.now()
    slots = [
        slot.pk
        for slot in Slot.objects.filter(
            closed=False,
            public_capacity__gt=0,
            starts_at__gt=now + timedelta(days=2),
            starts_at__lt=now + timedelta(days=25),
        ).order_by("starts_at")
        if slot.places_left(Pool.PUBLIC) > 0
    ]
    sessions = [booking_load.signed_in_session(u) for u in booking_load.visitors(count, PREFIX)]
    return {"slots": slots, "sessions": sessions}
