"""The question bank and the periods in the Wagtail admin, under one 「答题」 menu.

Questions are managed by anyone given the question permissions (e.g. the "Editors" group).
Periods are managed by city admins: anyone with ``education.view_city_rates`` (the
「市禁毒办」 group), superusers, or anyone given the period model permissions.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from education.access import CITY_PERMISSION, is_city_admin
from education.models import GradeBand, Period, Question
from education.period_forms import PeriodForm
from education.question_forms import QuestionForm


def band_labels(question: Question) -> str:
    """The grade bands a question is for, e.g. "小学、初中"."""
    return "、".join(
        str(GradeBand(band).label)
        for band, field in Question.BAND_FIELDS.items()
        if getattr(question, field)
    )


def choices_text(question: Question) -> str:
    """The choices in order, the correct ones marked, for the spreadsheet export."""
    return "；".join(
        f"{'✔' if choice.correct else '✘'} {choice.text}" for choice in question.choices.all()
    )


def active_text(question: Question) -> str:
    return _("是") if question.active else _("否")


def local_updated_at(question: Question) -> str:
    return timezone.localtime(question.updated_at).strftime("%Y-%m-%d %H:%M")


# Export columns computed from a question rather than read off it.
EXPORT_VALUES = {
    "bands": band_labels,
    "choices": choices_text,
    "active": active_text,
    "updated_at": local_updated_at,
}


class QuestionFilterSet(WagtailFilterSet):
    band = django_filters.ChoiceFilter(
        label=_("适用学段"), choices=GradeBand.choices, method="filter_band"
    )

    class Meta:
        model = Question
        fields = ["kind", "category", "difficulty", "band", "active"]

    def filter_band(self, queryset, name, value):
        return queryset.filter(**{Question.BAND_FIELDS[value]: True})


class QuestionIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.prefetch_related("choices") if self.is_export else queryset

    def to_row_dict(self, item):
        return {
            field: EXPORT_VALUES[field](item)
            if field in EXPORT_VALUES
            else multigetattr(item, field)
            for field in self.list_export
        }


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("题库")
    index_view_class = QuestionIndexView
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionForm)
    list_display = [
        "text",
        "kind",
        "category",
        "difficulty",
        Column("bands", label=_("适用学段"), accessor=band_labels),
        BooleanColumn("active", label=_("启用")),
    ]
    filterset_class = QuestionFilterSet
    list_export = [
        "text",
        "get_kind_display",
        "get_category_display",
        "get_difficulty_display",
        "bands",
        "choices",
        "explanation",
        "active",
        "updated_at",
    ]
    export_headings = {
        "get_kind_display": _("题型"),
        "get_category_display": _("类别"),
        "get_difficulty_display": _("难度"),
        "bands": _("适用学段"),
        "choices": _("选项（✔ 为正确答案）"),
    }
    export_filename = "question-bank"


class PeriodPermissionPolicy(ModelPermissionPolicy):
    """City admins manage periods, on top of the model permissions."""

    def user_has_permission(self, user, action):
        return is_city_admin(user) or super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        app_label, codename = CITY_PERMISSION.split(".")
        city = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        by_model = super().users_with_any_permission(actions).values("pk")
        city_admins = Q(groups__permissions__in=city) | Q(user_permissions__in=city)
        return (
            get_user_model()
            .objects.filter(Q(pk__in=by_model) | (city_admins & Q(is_active=True)))
            .distinct()
        )


register_permission_policy(Period, PeriodPermissionPolicy(Period))


class PeriodDeleteView(DeleteView):
    """A period that quizzes or attempts count in is kept: the database protects it, and
    the editor is told why instead of meeting an error page."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("统计周期「%(name)s」已被答题或答题记录使用，不能删除。") % {"name": self.object},
            )
            return redirect(self.index_url_name)


class PeriodViewSet(SnippetViewSet):
    model = Period
    icon = "date"
    menu_label = _("统计周期")
    delete_view_class = PeriodDeleteView
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
        base_form_class=PeriodForm,
    )
    list_display = ["name", "starts_on", "ends_on"]
    copy_view_enabled = False


class QuizViewSetGroup(SnippetViewSetGroup):
    menu_label = _("答题")
    menu_icon = "clipboard-list"
    menu_order = 240
    items = (QuestionViewSet, PeriodViewSet)
    # Other 答题 screens (e.g. 题目分析 in item_analysis_admin) join the menu through this hook.
    submenu_hook = "register_quiz_menu_item"


register_snippet(QuizViewSetGroup)
