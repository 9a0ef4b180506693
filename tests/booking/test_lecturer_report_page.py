"""The lecturer's report page after a talk: a multipart form with up to six photos; a bad
file is a form error and writes nothing; the report and its photos then show on the
request's page for the school."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from booking.models import LecturerRequest
from tests.booking.lecturer_factories import talk_at


def png(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 60), "#14529f").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _report_url(talk):
    return reverse("booking:lecturer_report", args=[talk.pk])


def test_the_lecturer_reports_and_the_school_sees_it(client, visits):
    talk = talk_at(visits, timezone.now() - timedelta(hours=1))
    client.force_login(talk.lecturer.user)
    assert client.get(reverse("booking:lecturer_request", args=[talk.pk])).context["may_report"]
    assert client.get(_report_url(talk)).status_code == 200

    response = client.post(
        _report_url(talk),
        {"attendance": "290", "report": "学生认真听讲。", "photos": [png("a.png"), png("b.png")]},
    )

    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.status, talk.attendance) == (LecturerRequest.Status.DONE, 290)
    client.force_login(visits.schools.coordinator_a)
    page = client.get(response["Location"])
    assert "学生认真听讲。" in page.text
    assert page.text.count('<img alt="远离新型毒品"') == 2


def test_a_bad_file_is_a_form_error(client, visits):
    talk = talk_at(visits, timezone.now() - timedelta(hours=1))
    client.force_login(talk.lecturer.user)
    fake = SimpleUploadedFile("照片.png", b"GIF89a not really", content_type="image/png")

    response = client.post(
        _report_url(talk),
        {"attendance": "290", "report": "学生认真听讲。", "photos": [png("a.png"), fake]},
    )

    assert response.status_code == 200
    assert "照片“照片.png”无法使用" in response.text
    talk.refresh_from_db()
    assert talk.status == LecturerRequest.Status.SCHEDULED
    assert not get_image_model().objects.exists()


def test_before_the_talk_the_page_says_to_wait(client, visits):
    talk = talk_at(visits, timezone.now() + timedelta(hours=1))
    client.force_login(talk.lecturer.user)

    response = client.get(_report_url(talk), follow=True)

    assert response.redirect_chain[-1][0] == reverse("booking:lecturer_request", args=[talk.pk])
    assert "讲座开始后才能提交报告" in response.text
    assert not response.context["may_report"]
