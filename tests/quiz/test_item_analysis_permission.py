"""题目分析 is for the people who can change questions: others are turned away from the
report and its export, and do not see it in the 「答题」 menu."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import make_superuser, make_user
from tests.quiz.item_analysis_builders import answered_questions
from tests.school_factories import make_city_admin

pytestmark = pytest.mark.django_db

REPORT = "item_analysis:index"


def question_editor():
    user = make_user("question.editor@example.cn", is_staff=True)
    group = Group.objects.create(name="题库编辑")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_question"),
    )
    user.groups.add(group)
    return user


def plain_staff():
    user = make_user("staff@example.cn", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def answered():
    return answered_questions([[1, 0], [0, 1]])


@pytest.mark.parametrize("persona", [question_editor, make_superuser])
def test_question_editors_see_the_report_and_the_menu(client, answered, persona):
    client.force_login(persona())
    url = reverse(REPORT)
    report = client.get(url)
    assert report.status_code == 200
    assert answered[0].text in report.content.decode()
    assert client.get(url, {"export": "csv"}).status_code == 200
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("persona", [plain_staff, make_city_admin])
def test_others_are_refused(client, answered, persona):
    client.force_login(persona())
    url = reverse(REPORT)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(url, params)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    results = client.get(reverse("item_analysis:results"))
    assert results.status_code == 302
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_visitors_are_sent_to_log_in(client, answered):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url
