"""The report reads its figures in a fixed number of queries, however many questions and
attempts there are: the sums come from one GROUP BY, never a loop over attempts; with the
sums cached, that one query is saved."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import build_site, make_superuser
from tests.quiz.item_analysis_builders import make_questions, record_attempts
from tests.school_factories import add_quiz, add_quiz_index

pytestmark = pytest.mark.django_db

REPORT_QUERIES = 11


def queries(client, params: dict, *, cached: bool) -> int:
    url = reverse("item_analysis:index")
    client.get(url, params)
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"ordering": "-facility", "category": "drug_types"}])
def test_query_count_is_pinned_whatever_the_data(client, params):
    quiz = add_quiz(add_quiz_index(build_site().home))
    client.force_login(make_superuser())
    params = {**params, "quiz": quiz.pk}
    record_attempts(quiz, make_questions(2), [[1, 0], [0, 1]])
    few = queries(client, params, cached=False)
    record_attempts(quiz, make_questions(12), [[n % 2] * 12 for n in range(40)])
    assert queries(client, params, cached=False) == few == REPORT_QUERIES
    assert queries(client, params, cached=True) == REPORT_QUERIES - 1
