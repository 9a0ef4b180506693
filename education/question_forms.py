"""The rules a question of the bank must follow, and the admin form that applies them.

The same rules check the demo bank before it is loaded, so a question that the admin would
refuse never reaches the bank by another road.
"""

from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from education.models import Question

MIN_CHOICES = 2


def question_problems(
    kind: str | None, choices: list[tuple[str, bool]], bands: Iterable[str]
) -> list[str]:
    """What is wrong with a question of ``kind`` with ``choices`` as (text, correct) pairs
    and ``bands`` as the grade bands it is for, as messages for editors (empty when fine)."""
    problems = [] if any(bands) else [_("请至少选择一个适用学段。")]
    if len(choices) < MIN_CHOICES:
        return [*problems, _("至少需要两个选项。")]
    counts = Counter(text for text, _correct in choices)
    problems += [_("选项「%(text)s」重复了。") % {"text": t} for t, n in counts.items() if n > 1]
    return problems + _kind_problems(kind, [correct for _text, correct in choices])


def _kind_problems(kind: str | None, correct: list[bool]) -> list[str]:
    right = sum(correct)
    wrong = len(correct) - right
    if kind == Question.Kind.SINGLE and right != 1:
        return [_("单选题必须有且只有一个正确选项，现在有 %(count)d 个。") % {"count": right}]
    if kind == Question.Kind.MULTIPLE:
        problems = []
        if right < 2:
            problems.append(
                _("多选题至少要有两个正确选项，现在有 %(count)d 个。") % {"count": right}
            )
        if wrong < 1:
            problems.append(_("多选题至少要有一个错误选项。"))
        return problems
    if kind == Question.Kind.TRUE_FALSE:
        if len(correct) != 2:
            return [_("判断题只能有两个选项（如“正确”和“错误”）。")]
        if right != 1:
            return [_("判断题的两个选项中必须有且只有一个正确。")]
    return []


class QuestionForm(WagtailAdminModelForm):
    """The question editor: the kind decides how many choices may be correct."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = self.formsets["choices"]
        choices.error_messages = {
            **choices.error_messages,
            "too_few_forms": _("至少需要 %(num)d 个选项。"),
            "too_many_forms": _("最多只能有 %(num)d 个选项。"),
        }

    def clean(self):
        cleaned_data = super().clean()
        choices = self._submitted_choices()
        if choices is None:
            return cleaned_data
        bands = [name for name in Question.BAND_FIELDS.values() if cleaned_data.get(name)]
        for problem in question_problems(cleaned_data.get("kind"), choices, bands):
            self.add_error(None, problem)
        return cleaned_data

    def _submitted_choices(self) -> list[tuple[str, bool]] | None:
        """The choices kept after this save, or None when the choices have errors of their
        own (shown beside them)."""
        formset = self.formsets["choices"]
        if not formset.is_valid():
            return None
        return [
            (form.cleaned_data["text"], form.cleaned_data.get("correct", False))
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
