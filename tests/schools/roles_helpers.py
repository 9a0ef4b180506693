"""Personas and shortcuts shared by the school roles tests."""

from django.urls import reverse

from education.models import Coordinator
from tests.factories import make_user
from wechat.models import Message

MY_URL = "/my/"


def approval_url(district) -> str:
    return reverse("district_coordinators", args=[district.pk])


def pending_request(school, email: str = "teacher.pending@example.cn", title: str = "班主任"):
    return Coordinator.objects.create(user=make_user(email), school=school, title=title)


def messages_to(user, kind: str) -> list[Message]:
    return list(Message.objects.filter(user=user, kind=kind))


def request_for(client, school, title: str = "德育处主任"):
    return client.post(
        MY_URL, {"district": school.district_id, "school": school.pk, "title": title}
    )
