"""The classes page lists a school's classes with grade, name, code and roster size; a class
is added with a grade and a name unique within the grade (written the way the import reads
it), renamed, and deleted only when no student belongs to it. Changes leave audit entries.
Its query count is pinned."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from education.models import SchoolClass, Student
from tests.school_factories import make_class
from tests.schools.roster_uploads import classes_url

pytestmark = pytest.mark.django_db

# Session, user, the user's permissions (own and groups'), the school, its classes, and the
# four queries of the site shell.
QUERIES = 10


@pytest.fixture
def coordinator(client, schools):
    client.force_login(schools.coordinator_a)
    return schools.coordinator_a


def edit_url(school_class: SchoolClass) -> str:
    return reverse("school_class_edit", args=[school_class.school_id, school_class.pk])


def delete_url(school_class: SchoolClass) -> str:
    return reverse("school_class_delete", args=[school_class.school_id, school_class.pk])


def test_the_classes_are_listed(client, schools, coordinator, django_assert_num_queries):
    for name in ("2班", "3班"):
        make_class(schools.school_a, 8, name)
    url = classes_url(schools.school_a)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        html = client.get(url).content.decode()

    assert html.count("data-class=") == 3
    row = html[html.index(f'data-class="{schools.class_a.pk}"') :]
    row = row[: row.index("</tr>")]
    for value in ("七年级", "1班", schools.class_a.code, ">2<"):
        assert value in row
    assert schools.class_b.code not in html


def test_add_a_class(client, schools, coordinator):
    response = client.post(
        classes_url(schools.school_a), {"grade": 8, "name": "（3）"}, follow=True
    )

    added = SchoolClass.objects.get(school=schools.school_a, grade=8)
    assert added.name == "3班"
    assert f"已添加八年级3班，班级码 {added.code}。" in response.content.decode()
    entry = ModelLogEntry.objects.get(object_id=str(added.pk), action="wagtail.create")
    assert entry.user == coordinator


@pytest.mark.parametrize("name", ["1班", "(1)班", "（1）班", "1", "01"])
def test_a_name_taken_in_the_grade_is_refused(client, schools, coordinator, name):
    response = client.post(classes_url(schools.school_a), {"grade": 7, "name": name})

    assert response.status_code == 200
    assert "本校已有七年级1班，请换一个名称。" in response.content.decode()
    assert SchoolClass.objects.filter(school=schools.school_a).count() == 1


def test_the_same_name_in_another_grade_or_school_is_fine(client, schools, coordinator):
    client.post(classes_url(schools.school_a), {"grade": 8, "name": "1班"})
    client.force_login(schools.coordinator_b)
    client.post(classes_url(schools.school_b), {"grade": 7, "name": "1班"})
    assert SchoolClass.objects.filter(name="1班").count() == 3


def test_a_class_needs_a_grade_and_a_name(client, schools, coordinator):
    html = client.post(classes_url(schools.school_a), {"grade": "", "name": "  "}).content.decode()
    assert html.count('class="errorlist"') == 2
    assert SchoolClass.objects.filter(school=schools.school_a).count() == 1


def test_rename(client, schools, coordinator):
    other = make_class(schools.school_a, 7, "2班")
    taken = client.post(edit_url(other), {"name": "(1)班"}).content.decode()
    assert "本校已有七年级1班，请换一个名称。" in taken
    assert "<h1>修改七年级2班</h1>" in taken

    response = client.post(edit_url(other), {"name": "实验班"}, follow=True)

    other.refresh_from_db()
    assert other.name == "实验班"
    assert "已改名为七年级实验班。" in response.content.decode()
    assert ModelLogEntry.objects.filter(object_id=str(other.pk), action="wagtail.edit").exists()


def test_a_class_with_students_is_not_deleted(client, schools, coordinator):
    page = client.get(edit_url(schools.class_a)).content.decode()
    assert delete_url(schools.class_a) not in page

    Student.objects.filter(school_class=schools.class_a).update(active=False)
    response = client.post(delete_url(schools.class_a), follow=True)

    assert "七年级1班还有学生（包括已停用的），不能删除。" in response.content.decode()
    assert SchoolClass.objects.filter(pk=schools.class_a.pk).exists()


def test_an_empty_class_is_deleted(client, schools, coordinator):
    empty = make_class(schools.school_a, 9, "5班")
    assert delete_url(empty) in client.get(edit_url(empty)).content.decode()

    response = client.post(delete_url(empty), follow=True)

    assert "已删除九年级5班。" in response.content.decode()
    assert not SchoolClass.objects.filter(pk=empty.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(empty.pk), action="wagtail.delete").exists()
    assert client.get(delete_url(empty)).status_code == 405
