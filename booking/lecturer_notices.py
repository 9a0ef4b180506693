"""The messages of lecturer requests, queued through the outbox inside the caller's
transaction: a scheduled talk to both sides, a declined request to the coordinator, a
cancelled talk to its lecturer. A request takes each step once, so one key per step."""

from django.urls import reverse

from booking import kinds
from booking.models import LecturerRequest
from wechat import outbox


def _context(talk: LecturerRequest) -> dict:
    return {
        "topic": talk.topic,
        "school": talk.school.name,
        "time": talk.starts_at,
        "lecturer": talk.lecturer.name if talk.lecturer_id else "",
        "place": talk.place,
        "reason": talk.decline_reason,
        "url": reverse("booking:lecturer_request", args=[talk.pk]),
    }


def _key(talk: LecturerRequest, step: str) -> str:
    return f"booking:lecturer-request:{talk.pk}:{step}"


def notify_scheduled(talk: LecturerRequest) -> None:
    context = _context(talk)
    outbox.notify(
        talk.requested_by,
        kinds.LECTURER_SCHEDULED,
        context,
        key=_key(talk, "scheduled"),
    )
    outbox.notify(
        talk.lecturer.user,
        kinds.LECTURER_ASSIGNED,
        context,
        key=_key(talk, "assigned"),
    )


def notify_declined(talk: LecturerRequest) -> None:
    outbox.notify(
        talk.requested_by, kinds.LECTURER_DECLINED, _context(talk), key=_key(talk, "declined")
    )


def notify_cancelled(talk: LecturerRequest) -> None:
    outbox.notify(
        talk.lecturer.user, kinds.LECTURER_CANCELLED, _context(talk), key=_key(talk, "cancelled")
    )
