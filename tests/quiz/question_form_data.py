"""What the question and period editors post, and the personas of the question-bank tests:
an editor of the bank (the Wagtail "Editors" group given the question permissions) and an
editor without them."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from education.models import Question
from tests.factories import make_user

QUESTIONS = "wagtailsnippets_education_question"
PERIODS = "wagtailsnippets_education_period"

SINGLE = (("冰毒", True), ("咖啡", False), ("绿茶", False))
BANDS = ("primary", "junior")


def url(viewset: str, view: str, *args) -> str:
    return reverse(f"{viewset}:{view}", args=args)


def question_form(
    text: str = "下列哪一种是毒品？",
    *,
    kind: str = Question.Kind.SINGLE,
    category: str = Question.Category.DRUG_TYPES,
    difficulty: int = Question.Difficulty.EASY,
    choices=SINGLE,
    bands=BANDS,
    explanation: str = "冰毒（甲基苯丙胺）是常见的合成毒品。",
    active: bool = True,
    choice_ids=(),
) -> dict:
    """The question editor's POST; ``choice_ids`` are the existing choices being edited."""
    forms = [{"text": label, "correct": "on" if correct else ""} for label, correct in choices]
    for form, pk in zip(forms, choice_ids, strict=False):
        form["id"] = str(pk)
    data = {
        "text": text,
        "kind": kind,
        "category": category,
        "difficulty": str(difficulty),
        "explanation": explanation,
        "choices": inline_formset(forms, initial=len(choice_ids), min=2, max=6),
    }
    data.update({Question.BAND_FIELDS[band]: "on" for band in bands})
    if active:
        data["active"] = "on"
    return nested_form_data(data)


def period_form(name: str, starts_on, ends_on) -> dict:
    return {"name": name, "starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()}


def question_editor(email: str = "bank.editor@example.cn"):
    """A member of Wagtail's "Editors" group, which is given the question permissions."""
    group = Group.objects.get(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="education",
            codename__in=[f"{action}_question" for action in ("add", "change", "delete", "view")],
        )
    )
    user = make_user(email)
    user.groups.add(group)
    return user


def plain_editor(email: str = "plain.editor@example.cn"):
    """An admin user with no question or period permission."""
    group = Group.objects.create(name=f"admin-only-{email}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = make_user(email)
    user.groups.add(group)
    return user
