from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from education import audit
from education.models import ArticleCategory


class ArticleCategoryViewSet(SnippetViewSet):
    model = ArticleCategory
    icon = "tag"
    menu_label = _("宣传阵地")
    list_display = ["name", "slug", "sort_order"]
    add_to_admin_menu = False


register_snippet(ArticleCategoryViewSet)
hooks.register("register_log_actions", audit.register_actions)

# Admin areas of the school and quiz parts register their own viewsets and hooks.
from education import (  # noqa: E402, F401
    item_analysis_admin,
    question_admin,
    rate_admin,
    school_admin,
)
