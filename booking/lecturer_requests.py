"""Lecturer requests (送教进校园): a school coordinator asks for a talk at the school, staff
assign a lecturer and a time (checked against the lecturer's and the school's other talks),
both sides are told, and after the talk the lecturer reports attendance with photos.

Every step is one transaction that locks the rows it decides on and leaves an entry in the
audit log; a step that cannot be taken raises BookingError with the reason and writes nothing.
"""

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.log_actions import log
from wagtail.models import Collection

from booking import lecturer_notices
from booking.access import LECTURER_PERMISSION
from booking.errors import BookingError
from booking.models import Lecturer, LecturerReportPhoto, LecturerRequest
from booking.party_rules import lock_school
from education.access import User, coordinated_schools
from education.models import School

Status = LecturerRequest.Status

MAX_OPEN_PER_SCHOOL = 3
AUDIENCE_MAX = 5000
CHOICE_HORIZON = timedelta(days=365)
DURATION_MIN = 15
DURATION_MAX = 240
# Time a lecturer needs between two talks to get from one school to the next.
TRAVEL_BUFFER = timedelta(minutes=60)
MAX_PHOTOS = 6
MAX_PHOTO_BYTES = 10 * 1024 * 1024
# The name of the Wagtail collection that holds report photos: data, not a UI text.
PHOTO_COLLECTION = "送教进校园"
PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,18}[0-9]$")

OPEN = (Status.REQUESTED, Status.SCHEDULED)
# Talks that take a lecturer's and a school's time.
BUSY = (Status.SCHEDULED, Status.DONE)


# --- requesting ---------------------------------------------------------------------------


def request_talk(
    *,
    school: School,
    by: User,
    topic: str,
    audience: str,
    audience_size: int,
    first_choice: date,
    second_choice: date | None = None,
    third_choice: date | None = None,
    contact_phone: str,
    notes: str = "",
    now: datetime | None = None,
) -> LecturerRequest:
    """A coordinator's request for a talk at one of their schools, on one of up to three
    preferred dates."""
    now = now or timezone.now()
    fields = {
        "topic": _text("topic", topic),
        "audience": _text("audience", audience),
        "contact_phone": _phone(contact_phone),
        "notes": _text("notes", notes, required=False),
        "audience_size": _audience_size(audience_size),
        **_checked_choices(first_choice, second_choice, third_choice, now),
    }
    with transaction.atomic():
        if not coordinated_schools(by).filter(pk=school.pk).exists():
            raise BookingError(_("您不是该校的学校联络员，不能为该校申请送教进校园。"))
        lock_school(school.pk)
        waiting = open_requests(school, now)
        if waiting.filter(topic=fields["topic"], first_choice=first_choice).exists():
            raise BookingError(_("贵校已提交过相同主题、相同首选日期的申请，请勿重复提交。"))
        if waiting.count() >= MAX_OPEN_PER_SCHOOL:
            raise BookingError(
                _("贵校已有 %(count)s 个未完成的送教申请，请等其中一个完成或取消后再申请。")
                % {"count": MAX_OPEN_PER_SCHOOL}
            )
        talk = LecturerRequest.objects.create(school=school, requested_by=by, **fields)
        log(talk, "booking.lecturer_request", user=by, data=_summary(talk))
    return talk


def open_requests(school: School, now: datetime) -> QuerySet[LecturerRequest]:
    """The school's requests still waiting for a lecturer or for their talk."""
    return LecturerRequest.objects.filter(school=school).filter(
        Q(status=Status.REQUESTED) | Q(status=Status.SCHEDULED, starts_at__gt=now)
    )


def choices(talk: LecturerRequest) -> list[date]:
    """The preferred dates of a request, in the order given."""
    return [day for day in (talk.first_choice, talk.second_choice, talk.third_choice) if day]


def _checked_choices(first: date, second: date | None, third: date | None, now: datetime) -> dict:
    today = timezone.localdate(now)
    given = [day for day in (first, second, third) if day]
    if any(day <= today for day in given):
        raise BookingError(_("希望日期须在今天之后。"))
    if any(day > today + CHOICE_HORIZON for day in given):
        raise BookingError(_("希望日期须在一年以内。"))
    if len(set(given)) != len(given):
        raise BookingError(_("几个希望日期不能相同。"))
    later = given[1:] + [None, None]
    return {"first_choice": given[0], "second_choice": later[0], "third_choice": later[1]}


def _audience_size(size: int) -> int:
    if not 1 <= size <= AUDIENCE_MAX:
        raise BookingError(_("听众人数须在 1 至 %(max)s 人之间。") % {"max": AUDIENCE_MAX})
    return size


def _phone(phone: str) -> str:
    phone = _text("contact_phone", phone)
    if not PHONE.match(phone):
        raise BookingError(_("请填写正确的联系电话（手机或带区号的座机）。"))
    return phone


def _text(name: str, value: str, *, required: bool = True) -> str:
    """``value`` stripped, required unless told otherwise and within the field's length."""
    field = LecturerRequest._meta.get_field(name)
    value = (value or "").strip()
    if required and not value:
        raise BookingError(_("请填写%(field)s。") % {"field": field.verbose_name})
    if field.max_length and len(value) > field.max_length:
        raise BookingError(
            _("%(field)s不能超过 %(max)s 个字。")
            % {"field": field.verbose_name, "max": field.max_length}
        )
    return value


def _summary(talk: LecturerRequest) -> dict:
    return {
        "school": talk.school_id,
        "topic": talk.topic,
        "audience_size": talk.audience_size,
        "choices": [str(day) for day in choices(talk)],
    }


# --- assigning and declining --------------------------------------------------------------


def assign_lecturer(
    request: LecturerRequest,
    *,
    lecturer: Lecturer,
    starts_at: datetime,
    duration_minutes: int,
    place: str,
    by: User,
    now: datetime | None = None,
) -> LecturerRequest:
    """Schedule the talk: the lecturer is free (with travel time around his other talks),
    so is the school; the coordinator and the lecturer are told."""
    now = now or timezone.now()
    _require_manager(by)
    place = _text("place", place)
    if not DURATION_MIN <= duration_minutes <= DURATION_MAX:
        raise BookingError(
            _("讲座时长须在 %(min)s 至 %(max)s 分钟之间。")
            % {"min": DURATION_MIN, "max": DURATION_MAX}
        )
    check_talk_time(starts_at, now)
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    with transaction.atomic():
        talk = _lock(request)
        if talk.status != Status.REQUESTED:
            raise _state_error(talk, _("安排讲师"))
        lock_school(talk.school_id)
        # The lecturer's row lock makes two staff assigning him at once take turns.
        lecturer = Lecturer.objects.select_for_update(no_key=True).filter(pk=lecturer.pk).first()
        if lecturer is None or not lecturer.active:
            raise BookingError(_("该讲师目前不可安排，请选择其他讲师。"))
        _check_lecturer_free(talk, lecturer, starts_at, ends_at)
        _check_school_free(talk, starts_at, ends_at)
        plan = {"starts_at": starts_at, "duration_minutes": duration_minutes, "place": place}
        _update(
            talk,
            lecturer=lecturer,
            **plan,
            status=Status.SCHEDULED,
            assigned_by=by,
            assigned_at=now,
        )
        log(
            talk,
            "booking.lecturer_assign",
            user=by,
            data={"lecturer": lecturer.pk, **plan, "starts_at": starts_at.isoformat()},
        )
        lecturer_notices.notify_scheduled(talk)
    return talk


def check_talk_time(starts_at: datetime, now: datetime) -> None:
    """A talk is given after now and, as a school may ask for it, within a year."""
    if starts_at <= now:
        raise BookingError(_("讲座时间须在当前时间之后。"))
    if starts_at > now + CHOICE_HORIZON:
        raise BookingError(_("讲座时间须在一年以内。"))


def decline_request(request: LecturerRequest, *, by: User, reason: str) -> LecturerRequest:
    """Staff cannot send anyone: the coordinator is told why, and sees it on the page."""
    _require_manager(by)
    reason = _text("decline_reason", reason)
    with transaction.atomic():
        talk = _lock(request)
        if talk.status != Status.REQUESTED:
            raise _state_error(talk, _("答复无法安排"))
        _update(talk, status=Status.DECLINED, decline_reason=reason)
        lecturer_notices.notify_declined(talk)
        log(talk, "booking.lecturer_decline", user=by, data={"reason": reason})
    return talk


def ends_at(talk: LecturerRequest) -> datetime | None:
    if talk.starts_at is None:
        return None
    return talk.starts_at + timedelta(minutes=talk.duration_minutes)


def talks_between(start: datetime, end: datetime) -> QuerySet[LecturerRequest]:
    """Scheduled and held talks that start in [start, end), earliest first."""
    return (
        LecturerRequest.objects.filter(status__in=BUSY, starts_at__gte=start, starts_at__lt=end)
        .select_related("school", "lecturer")
        .order_by("starts_at")
    )


def _check_lecturer_free(
    talk: LecturerRequest, lecturer: Lecturer, starts_at: datetime, ends_at_: datetime
) -> None:
    other = _overlapping(talk, starts_at, ends_at_, TRAVEL_BUFFER, lecturer=lecturer)
    if other:
        raise BookingError(
            _(
                "讲师%(lecturer)s在%(when)s已安排到%(school)s讲“%(topic)s”，"
                "两场讲座之间至少要留 %(buffer)s 分钟路程时间。"
            )
            % {
                "lecturer": lecturer.name,
                "when": _when(other),
                "school": other.school.name,
                "topic": other.topic,
                "buffer": int(TRAVEL_BUFFER.total_seconds() // 60),
            }
        )


def _check_school_free(talk: LecturerRequest, starts_at: datetime, ends_at_: datetime) -> None:
    other = _overlapping(talk, starts_at, ends_at_, school=talk.school_id)
    if other:
        raise BookingError(
            _("%(school)s在%(when)s已安排讲座“%(topic)s”（讲师%(lecturer)s），时间重叠。")
            % {
                "school": other.school.name,
                "when": _when(other),
                "topic": other.topic,
                "lecturer": other.lecturer.name,
            }
        )


def _overlapping(
    talk: LecturerRequest,
    starts_at: datetime,
    ends_at_: datetime,
    buffer: timedelta = timedelta(0),
    **same,
) -> LecturerRequest | None:
    """The first other talk with the ``same`` lecturer or school whose time, widened by
    ``buffer`` on both sides, overlaps [starts_at, ends_at_)."""
    earliest = starts_at - buffer - timedelta(minutes=DURATION_MAX)
    candidates = talks_between(earliest, ends_at_ + buffer).filter(**same).exclude(pk=talk.pk)
    return next((other for other in candidates if ends_at(other) + buffer > starts_at), None)


def _when(talk: LecturerRequest) -> str:
    start = timezone.localtime(talk.starts_at)
    end = timezone.localtime(ends_at(talk))
    return f"{start.month}月{start.day}日 {start:%H:%M}–{end:%H:%M}"


# --- cancelling ---------------------------------------------------------------------------


def cancel_refusal(talk: LecturerRequest, user: User, now: datetime) -> str | None:
    """Why ``user`` may not cancel the request now, or None: a coordinator of the school
    cancels until the talk starts."""
    if not coordinated_schools(user).filter(pk=talk.school_id).exists():
        return _("只有该校的学校联络员可以取消申请。")
    if talk.status not in OPEN:
        return _("该申请已%(status)s，不能取消。") % {"status": talk.get_status_display()}
    if talk.status == Status.SCHEDULED and talk.starts_at <= now:
        return _("讲座已经开始，不能取消。")
    return None


def cancel_request(
    request: LecturerRequest, *, by: User, now: datetime | None = None
) -> LecturerRequest:
    now = now or timezone.now()
    with transaction.atomic():
        talk = _lock(request)
        refusal = cancel_refusal(talk, by, now)
        if refusal:
            raise BookingError(refusal)
        was_scheduled = talk.lecturer_id is not None
        _update(talk, status=Status.CANCELLED)
        if was_scheduled:
            lecturer_notices.notify_cancelled(talk)
        log(talk, "booking.lecturer_cancel", user=by)
    return talk


# --- reporting ----------------------------------------------------------------------------


def report_refusal(talk: LecturerRequest, user: User, now: datetime) -> str | None:
    """Why ``user`` may not report on the talk now, or None: its lecturer or a manager
    reports once, after the talk has started."""
    is_lecturer = talk.lecturer_id is not None and talk.lecturer.user_id == user.pk
    if not (is_lecturer or user.has_perm(LECTURER_PERMISSION)):
        return _("只有主讲讲师或管理人员可以提交讲座报告。")
    if talk.status == Status.DONE:
        return _("该讲座的报告已经提交。")
    if talk.status != Status.SCHEDULED:
        return _("该申请%(status)s，没有讲座可以报告。") % {"status": talk.get_status_display()}
    if talk.starts_at > now:
        return _("讲座开始后才能提交报告。")
    return None


def report_talk(
    request: LecturerRequest,
    *,
    by: User,
    attendance: int,
    report: str,
    photos: Sequence[UploadedFile] = (),
    now: datetime | None = None,
) -> LecturerRequest:
    """Record attendance, a short report and up to six photos; the talk is done. The photos
    are checked before anything is written and become images of the 送教进校园 collection."""
    now = now or timezone.now()
    report = _text("report", report)
    if not 1 <= attendance <= AUDIENCE_MAX:
        raise BookingError(_("实际听众人数须在 1 至 %(max)s 人之间。") % {"max": AUDIENCE_MAX})
    photos = _checked_photos(photos)
    with transaction.atomic():
        talk = _lock(request)
        refusal = report_refusal(talk, by, now)
        if refusal:
            raise BookingError(refusal)
        _save_photos(talk, photos, by)
        _update(
            talk,
            attendance=attendance,
            report=report,
            reported_at=now,
            reported_by=by,
            status=Status.DONE,
        )
        log(
            talk,
            "booking.lecturer_report",
            user=by,
            data={"attendance": attendance, "photos": len(photos)},
        )
    return talk


def _checked_photos(photos: Iterable[UploadedFile]) -> list[UploadedFile]:
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise BookingError(_("最多上传 %(max)s 张照片。") % {"max": MAX_PHOTOS})
    field = WagtailImageField()
    checked = []
    for photo in photos:
        if photo.size > MAX_PHOTO_BYTES:
            raise BookingError(
                _("照片“%(name)s”超过 %(max)s MB，请压缩后再上传。")
                % {"name": photo.name, "max": MAX_PHOTO_BYTES // (1024 * 1024)}
            )
        try:
            checked.append(field.clean(photo))
        except ValidationError as invalid:
            raise BookingError(
                _("照片“%(name)s”无法使用：%(reason)s")
                % {"name": photo.name, "reason": " ".join(invalid.messages)}
            ) from None
    return checked


def _save_photos(talk: LecturerRequest, photos: list[UploadedFile], by: User) -> None:
    if not photos:
        return
    collection = _photo_collection()
    image_model = get_image_model()
    for number, photo in enumerate(photos, start=1):
        image = image_model(
            title=f"{talk.school.name} {talk.topic} {number}",
            file=photo,
            collection=collection,
            uploaded_by_user=by,
            file_size=photo.size,
        )
        image.save()
        LecturerReportPhoto.objects.create(request=talk, image=image, sort_order=number)


def _photo_collection() -> Collection:
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PHOTO_COLLECTION).first()
    if found:
        return found
    # The first report creates the collection; the root's lock keeps it to one.
    Collection.objects.select_for_update().filter(pk=root.pk).first()
    root.refresh_from_db()
    return root.get_children().filter(name=PHOTO_COLLECTION).first() or root.add_child(
        name=PHOTO_COLLECTION
    )


# --- common -------------------------------------------------------------------------------


def is_lecturer_manager(user: User) -> bool:
    return user.is_authenticated and user.has_perm(LECTURER_PERMISSION)


def _require_manager(user: User) -> None:
    if not is_lecturer_manager(user):
        raise BookingError(_("只有送教进校园的管理人员可以安排或答复申请。"))


def _lock(talk: LecturerRequest) -> LecturerRequest:
    locked = (
        LecturerRequest.objects.select_for_update(of=("self",), no_key=True)
        .select_related("school", "requested_by", "lecturer__user")
        .filter(pk=talk.pk)
        .first()
    )
    if locked is None:
        raise BookingError(_("该申请不存在或已被删除。"))
    return locked


def _update(talk: LecturerRequest, **fields) -> None:
    for name, value in fields.items():
        setattr(talk, name, value)
    talk.save(update_fields=list(fields))


def _state_error(talk: LecturerRequest, action: str) -> BookingError:
    return BookingError(
        _("该申请当前状态为“%(status)s”，不能%(action)s。")
        % {"status": talk.get_status_display(), "action": action}
    )
