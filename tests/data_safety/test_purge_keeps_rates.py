"""Purging a past school year's personal data changes none of its figures (school, class,
district, city, ranking, timeline, item analysis), and neither does a later rebuild_rates
or a roster recount: the purged year's counts are final."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from education.models import RateCount
from education.rate_counts import recount_school
from tests.data_safety.old_results import build_old_results, figures
from tests.rates.rebuild_runs import rebuild


@pytest.mark.django_db
def test_figures_survive_purge_rebuild_and_recount():
    results = build_old_results()
    before = figures(results)
    counts_before = sorted(
        RateCount.objects.filter(period=results.old).values_list(
            "school_class", "participants", "passed", "best_score_sum"
        )
    )
    assert before["city"].passed == 6 and before["city"].participants == 7

    call_command("purge_personal_data", stdout=StringIO())
    assert figures(results) == before

    printed = rebuild()
    assert printed[-1] == "计数与答题记录一致，没有差异。", printed
    with transaction.atomic():
        recount_school(results.schools.school_a)
    assert figures(results) == before
    assert (
        sorted(
            RateCount.objects.filter(period=results.old).values_list(
                "school_class", "participants", "passed", "best_score_sum"
            )
        )
        == counts_before
    )
