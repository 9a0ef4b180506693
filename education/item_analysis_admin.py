"""「题目分析」 in the Wagtail admin: facility and discrimination of every question on first
attempts, for the people who can change questions, with filters, sorting and export."""

import django_filters
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from education.item_analysis import (
    CACHE_SECONDS,
    EASY_FACILITY,
    HARD_FACILITY,
    LOW_DISCRIMINATION,
    MIN_ANSWERS,
    ItemStatistics,
    first_attempt_items,
    recent_item_statistics,
)
from education.models import AttemptItem, Period, Question, QuizPage


def question_policy():
    return policy_registry.get_by_type(Question)


class ItemFilterSet(WagtailFilterSet):
    quiz = django_filters.ModelChoiceFilter(
        label=_("答题"), field_name="attempt__quiz", queryset=QuizPage.objects.order_by("title")
    )
    period = django_filters.ModelChoiceFilter(
        label=_("统计周期"), field_name="attempt__period", queryset=Period.objects.all()
    )
    category = django_filters.ChoiceFilter(
        label=_("类别"), field_name="question__category", choices=Question.Category.choices
    )

    class Meta:
        model = AttemptItem
        fields = ["quiz", "period", "category"]


class QuestionColumn(TitleColumn):
    """The question's text, linked to its edit page when the user may edit it."""

    def get_link_url(self, instance, parent_context):
        user = parent_context["request"].user
        return AdminURLFinder(user).get_edit_url(instance.question)


class PercentColumn(Column):
    def get_value(self, instance):
        return f"{super().get_value(instance) * 100:.1f}%"


class IndexColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return "—" if value is None else f"{value:.1f}"


class FlagsColumn(Column):
    cell_template_name = "education/item_analysis/flags_cell.html"


def _rounded_percent(value: float) -> float:
    return round(value * 100, 1)


def _rounded_or_blank(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


class ItemAnalysisView(ReportView):
    page_title = _("题目分析")
    header_icon = "table"
    index_url_name = "item_analysis:index"
    index_results_url_name = "item_analysis:results"
    results_template_name = "education/item_analysis/results.html"
    filterset_class = ItemFilterSet
    permission_required = "change"
    paginate_by = 100
    default_ordering = "discrimination"
    no_results_message = _("还没有首次答题记录。")
    columns = [
        QuestionColumn("question", label=_("题目"), accessor="question.text"),
        Column("category", label=_("类别"), accessor="question.get_category_display"),
        Column("answers", label=_("作答人数"), sort_key="answers"),
        PercentColumn("facility", label=_("通过率（难度）"), sort_key="facility"),
        IndexColumn("discrimination", label=_("区分度"), sort_key="discrimination"),
        FlagsColumn("flags", label=_("提示")),
    ]
    list_export = [
        "question.pk",
        "question.text",
        "question.get_category_display",
        "answers",
        "facility",
        "discrimination",
        "flags",
    ]
    export_headings = {
        "question.pk": _("题目编号"),
        "question.text": _("题目"),
        "question.get_category_display": _("类别"),
        "answers": _("作答人数"),
        "facility": _("通过率（%）"),
        "discrimination": _("区分度"),
        "flags": _("提示"),
    }
    custom_field_preprocess = {
        "facility": {"csv": _rounded_percent, "xlsx": _rounded_percent},
        "discrimination": {"csv": _rounded_or_blank, "xlsx": _rounded_or_blank},
    }
    export_filename = "item-analysis"

    @cached_property
    def permission_policy(self):
        return question_policy()

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_queryset(self) -> list[ItemStatistics]:
        self.computed_at, rows = recent_item_statistics(self.filter_queryset(first_attempt_items()))
        return self.order_rows(rows)

    def order_rows(self, rows: list[ItemStatistics]) -> list[ItemStatistics]:
        """Sorted by the chosen column; undefined indices last either way."""
        key = self.ordering.lstrip("-")
        descending = self.ordering.startswith("-")
        defined = [row for row in rows if getattr(row, key) is not None]
        undefined = [row for row in rows if getattr(row, key) is None]
        defined.sort(key=lambda row: (getattr(row, key), row.question.pk), reverse=descending)
        return defined + undefined

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["thresholds"] = {
            "easy": round(EASY_FACILITY * 100),
            "hard": round(HARD_FACILITY * 100),
            "low": LOW_DISCRIMINATION,
            "few": MIN_ANSWERS,
        }
        context["computed_at"] = self.computed_at
        context["refresh_minutes"] = CACHE_SECONDS // 60
        return context


class ItemAnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return question_policy().user_has_permission(request.user, "change")


class ItemAnalysisViewSet(ViewSet):
    name = "item_analysis"
    url_prefix = "item-analysis"
    icon = "table"
    menu_label = _("题目分析")
    menu_hook = "register_quiz_menu_item"  # the 「答题」 group of question_admin
    menu_item_class = ItemAnalysisMenuItem

    def get_urlpatterns(self):
        return [
            path("", ItemAnalysisView.as_view(), name="index"),
            path("results/", ItemAnalysisView.as_view(results_only=True), name="results"),
        ]


@hooks.register("register_admin_viewset")
def register_item_analysis():
    return ItemAnalysisViewSet()
