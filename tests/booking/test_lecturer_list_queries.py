"""The list and request pages run a fixed number of queries, however many requests, talks
and photos they show."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from booking import lecturer_requests
from tests.booking.lecturer_factories import ask, make_lecturer, schedule, talk_at

# Session, user and permissions; the user's schools; open and recent closed requests of the
# schools and of the user's talks (none asked without schools or talks); the site, its
# settings and menu, and the 「我的学校」 link.
COORDINATOR_LIST_QUERIES = 14
LECTURER_LIST_QUERIES = 12
# The request, the cancel check, the photos with their renditions, and the page's frame.
DETAIL_QUERIES = 13


def pinned(client, url: str, count: int, assert_num_queries):
    assert client.get(url).status_code == 200  # warms what a running site keeps
    with assert_num_queries(count):
        response = client.get(url)
    assert response.status_code == 200
    return response


def _many(visits, count):
    lecturer = make_lecturer(f"讲师{count}", f"l{count}@example.cn")
    now = timezone.now()
    for n in range(count):
        talk = ask(visits, topic=f"讲座{count}-{n}", now=now)
        if n % 2:
            schedule(visits, talk, lecturer, now + timedelta(days=count, hours=2 * n), now=now)
        else:
            lecturer_requests.decline_request(talk, by=visits.manager, reason="讲师已排满")


def _photos(count):
    files = []
    for n in range(count):
        buffer = io.BytesIO()
        PILImage.new("RGB", (40, 30), "#1a7f4b").save(buffer, "PNG")
        files.append(SimpleUploadedFile(f"{n}.png", buffer.getvalue()))
    return files


def test_the_list_of_a_coordinator(client, visits, django_assert_num_queries):
    client.force_login(visits.schools.coordinator_a)
    url = reverse("booking:lecturer_requests")
    _many(visits, 2)
    first = pinned(client, url, COORDINATOR_LIST_QUERIES, django_assert_num_queries)
    _many(visits, 3)
    second = pinned(client, url, COORDINATOR_LIST_QUERIES, django_assert_num_queries)

    assert first.text.count('class="talk-card"') == 2
    assert second.text.count('class="talk-card"') == 5


def test_the_list_of_a_lecturer(client, visits, django_assert_num_queries):
    lecturer = make_lecturer()
    talks = [
        talk_at(visits, timezone.now() + timedelta(hours=hours), lecturer) for hours in (60, 1, 30)
    ]
    client.force_login(lecturer.user)

    url = reverse("booking:lecturer_requests")
    response = pinned(client, url, LECTURER_LIST_QUERIES, django_assert_num_queries)

    assert response.text.count('class="talk-card"') == 3
    shown = [
        response.text.index(timezone.localtime(talk.starts_at).strftime("%Y-%m-%d %H:%M"))
        for talk in talks
    ]
    assert shown[1] < shown[2] < shown[0]  # the coming talks, soonest first


def test_a_reported_talk_with_its_photos(client, visits, django_assert_num_queries):
    client.force_login(visits.schools.coordinator_a)
    lecturer = make_lecturer()
    for count in (1, 6):
        talk = talk_at(visits, timezone.now() - timedelta(hours=count), lecturer)
        lecturer_requests.report_talk(
            talk, by=lecturer.user, attendance=100, report="顺利完成。", photos=_photos(count)
        )
        url = reverse("booking:lecturer_request", args=[talk.pk])

        response = pinned(client, url, DETAIL_QUERIES, django_assert_num_queries)

        assert response.text.count('<img alt="远离新型毒品"') == count
