"""A lecturer's report photos go through the image checks: a pixel bomb or a file that is
not the picture its name says is refused with a message, and nothing of the report is kept."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images import get_image_model

from booking import lecturer_requests
from booking.errors import BookingError
from booking.models import LecturerReportPhoto
from tests.booking.lecturer_factories import talk_at
from tests.booking_factories import build_visits
from tests.data_safety.uploads import pixel_bomb_png, upload


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("现场.png", pixel_bomb_png, "像素"), ("现场.jpg", lambda: b"<svg/>" * 10, "现场.jpg")],
)
@pytest.mark.django_db
def test_bad_photo_is_refused(name, content, message):
    visits = build_visits()
    talk = talk_at(visits, timezone.now() - timedelta(hours=2))

    with pytest.raises(BookingError, match=message):
        lecturer_requests.report_talk(
            talk,
            by=talk.lecturer.user,
            attendance=260,
            report="互动热烈。",
            photos=[upload(name, content())],
        )

    talk.refresh_from_db()
    assert talk.reported_at is None
    assert not get_image_model().objects.exists()
    assert not LecturerReportPhoto.objects.exists()
