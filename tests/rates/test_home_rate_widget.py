"""The public home page shows the city's knowledge rate and its progress to the target, with
participation: aggregates only, no school or student. Hidden before any period; a fixed,
small number of queries whatever the number of schools."""

import pytest

from education.models import Period
from tests.factories import build_site
from tests.rates.dashboard_builders import build_rated_schools, grow_school
from tests.school_factories import make_school

pytestmark = pytest.mark.django_db

# The home page of a site without content, showing the widget: the current period and the
# city's figures take three queries of these.
HOME_QUERIES_WITH_RATE = 16


@pytest.fixture
def rated():
    build_site()
    return build_rated_schools()


def widget(html: str) -> str:
    return html.split("data-home-rate", 1)[1].split("</section>", 1)[0]


def test_the_city_rate_and_participation(client, rated):
    # 35 enrolled (5 + 5 + 20 declared + 5), 5 answered, 4 passed.
    html = widget(client.get("/").content.decode())
    assert "全市学生毒品知晓率" in html and rated.schools.period.name in html
    assert 'data-stat="knowledge_rate">11.4%' in html
    assert "参与率 14.3%，已有 4 名学生答题达标。" in html
    assert "距目标还差 88.6 个百分点。" in html
    assert 'class="rate-chart rate-gauge"' in html


def test_no_school_or_student_is_named(client, rated):
    html = client.get("/").content.decode()
    for school in (rated.schools.school_a, rated.schools.school_b, rated.school_d):
        assert school.name not in html
    assert rated.failed_a.name not in html


def test_hidden_without_a_period(client):
    build_site()
    assert Period.objects.count() == 0
    html = client.get("/").content.decode()
    assert "data-home-rate" not in html and "dashboards.css" not in html


def test_the_query_count_does_not_grow_with_schools(client, rated, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(HOME_QUERIES_WITH_RATE):
        client.get("/")
    for number in range(4):
        school = make_school(f"新建学校{number}", rated.schools.other_district)
        grow_school(school, rated.schools.period, classes=2, students=4)
    with django_assert_num_queries(HOME_QUERIES_WITH_RATE):
        assert "data-home-rate" in client.get("/").content.decode()
