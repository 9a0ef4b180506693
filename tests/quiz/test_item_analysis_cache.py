"""The report's sums are computed at most every ten minutes per filter, and it says when;
the questions themselves are read fresh, so an edited question shows at once."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests.factories import build_site, make_superuser
from tests.quiz.item_analysis_builders import make_questions, record_attempts
from tests.school_factories import add_quiz, add_quiz_index

pytestmark = pytest.mark.django_db


def answers_shown(client, **params) -> list[int]:
    response = client.get(reverse("item_analysis:index"), params)
    return [row.answers for row in response.context["object_list"]]


def test_sums_are_kept_for_a_while(client):
    quiz = add_quiz(add_quiz_index(build_site().home))
    questions = make_questions(1)
    record_attempts(quiz, questions, [[1], [0]])
    client.force_login(make_superuser())
    assert answers_shown(client) == [2]

    record_attempts(quiz, questions, [[1]] * 3)
    assert answers_shown(client) == [2]
    assert answers_shown(client, quiz=quiz.pk) == [5]  # another filter, computed now

    questions[0].text = "改过的题干：冰毒属于毒品吗？"
    questions[0].save()
    response = client.get(reverse("item_analysis:index"))
    html = response.content.decode()
    assert "改过的题干" in html
    computed = timezone.localtime(response.context["computed_at"])
    assert timezone.now() - computed < datetime.timedelta(minutes=1)
    assert f"统计时间：{computed:%Y-%m-%d %H:%M}（每 10 分钟更新一次）" in html

    cache.clear()
    assert answers_shown(client) == [5]
