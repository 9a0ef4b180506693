"""After the talk its lecturer (or a manager) reports attendance, a few lines and up to six
photos; the photos become Wagtail images of the 送教进校园 collection. A file that is not a
usable image, too many or too large files are refused with a clear message and nothing is
written."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from booking import lecturer_requests
from booking.errors import BookingError
from booking.models import LecturerReportPhoto, LecturerRequest
from tests.booking.lecturer_factories import ask, make_lecturer, schedule
from tests.booking_factories import at

AFTER = at(3, 15)
Image = get_image_model()


def png(name: str = "现场.png", colour: str = "#c62828") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def talk(visits):
    lecturer = make_lecturer()
    return schedule(visits, ask(visits), lecturer, at(3, 14))


def _report(talk, by, photos=(), now=AFTER, **fields):
    fields.setdefault("attendance", 280)
    fields.setdefault("report", "讲解了新型毒品的伪装形式，学生踊跃提问。")
    return lecturer_requests.report_talk(talk, by=by, photos=photos, now=now, **fields)


def _nothing_written(talk):
    talk.refresh_from_db()
    assert talk.status == LecturerRequest.Status.SCHEDULED
    assert talk.attendance is None
    assert not LecturerReportPhoto.objects.exists()
    assert not Image.objects.exists()


def test_the_lecturer_reports_with_photos(talk):
    by = talk.lecturer.user
    _report(talk, by, [png("一.png"), png("二.png", "#1c64b8")])

    talk.refresh_from_db()
    assert talk.status == LecturerRequest.Status.DONE
    assert (talk.attendance, talk.reported_by, talk.reported_at) == (280, by, AFTER)
    photos = list(talk.photos.select_related("image__collection"))
    assert [photo.sort_order for photo in photos] == [1, 2]
    for photo in photos:
        assert photo.image.collection.name == "送教进校园"
        assert photo.image.uploaded_by_user == by
        assert (photo.image.width, photo.image.height) == (64, 48)
    assert ModelLogEntry.objects.get(action="booking.lecturer_report").data["photos"] == 2


def test_the_collection_is_made_once(talk, visits):
    _report(talk, talk.lecturer.user, [png()])
    other = schedule(visits, ask(visits, topic="第二讲"), talk.lecturer, at(3, 16))
    _report(other, visits.manager, [png()], now=at(3, 17))

    assert Image.objects.filter(collection__name="送教进校园").count() == 2
    assert get_image_model().objects.values("collection").distinct().count() == 1


def test_a_report_without_photos_is_fine(talk):
    _report(talk, talk.lecturer.user)

    talk.refresh_from_db()
    assert talk.status == LecturerRequest.Status.DONE


@pytest.mark.parametrize(
    ("photos", "message"),
    [
        ([png(), SimpleUploadedFile("假图.png", b"not an image at all")], "照片“假图.png”无法使用"),
        ([SimpleUploadedFile("空.png", b"")], "照片“空.png”无法使用"),
        ([png("文档.txt")], "照片“文档.txt”无法使用"),
        ([png() for _ in range(7)], "最多上传 6 张照片"),
        (
            [SimpleUploadedFile("大.png", b"0" * (10 * 1024 * 1024 + 1))],
            "照片“大.png”超过 10 MB",
        ),
    ],
)
def test_bad_photos_are_refused_and_nothing_is_written(talk, photos, message):
    with pytest.raises(BookingError, match=message):
        _report(talk, talk.lecturer.user, photos)

    _nothing_written(talk)


def test_a_report_before_the_talk_starts_is_refused(talk):
    with pytest.raises(BookingError, match="讲座开始后才能提交报告"):
        _report(talk, talk.lecturer.user, [png()], now=at(3, 13, 59))

    _nothing_written(talk)


def test_only_its_lecturer_or_a_manager_reports(talk, visits):
    others = (visits.schools.coordinator_a, make_lecturer("李律师", "lawyer@example.cn").user)
    for outsider in others:
        with pytest.raises(BookingError, match="只有主讲讲师或管理人员"):
            _report(talk, outsider, [png()])
    _nothing_written(talk)

    _report(talk, visits.manager)
    talk.refresh_from_db()
    assert talk.reported_by == visits.manager


def test_a_talk_is_reported_once(talk):
    _report(talk, talk.lecturer.user)

    with pytest.raises(BookingError, match="报告已经提交"):
        _report(talk, talk.lecturer.user, attendance=1)
    talk.refresh_from_db()
    assert talk.attendance == 280


@pytest.mark.parametrize(("attendance", "report"), [(0, "好"), (5001, "好"), (100, "  ")])
def test_bad_figures_are_refused(talk, attendance, report):
    with pytest.raises(BookingError):
        _report(talk, talk.lecturer.user, attendance=attendance, report=report)

    _nothing_written(talk)
