"""When a talk is scheduled, the coordinator who asked and the lecturer each get one
message through the outbox, written with the assignment, that links to the request."""

from booking import kinds, lecturer_notices
from tests.booking.lecturer_factories import ask, make_lecturer, schedule
from tests.booking_factories import at
from wechat.models import Message
from wechat.outbox import stored_key


def test_both_sides_are_told(visits):
    lecturer = make_lecturer()
    talk = schedule(visits, ask(visits), lecturer, at(3, 14))

    to_school = Message.objects.get(
        idempotency_key=stored_key(f"booking:lecturer-request:{talk.pk}:scheduled")
    )
    to_lecturer = Message.objects.get(
        idempotency_key=stored_key(f"booking:lecturer-request:{talk.pk}:assigned")
    )
    assert (to_school.kind, to_school.user) == (
        kinds.LECTURER_SCHEDULED,
        visits.schools.coordinator_a,
    )
    assert (to_lecturer.kind, to_lecturer.user) == (kinds.LECTURER_ASSIGNED, lecturer.user)
    assert Message.objects.count() == 2
    assert "2026年12月10日 14:00，学校礼堂，讲师王警官" in to_school.payload["body"]
    assert "东城实验中学（学校礼堂）主讲“远离新型毒品”" in to_lecturer.payload["body"]
    assert to_school.email == "teacher.a@example.cn"
    assert to_lecturer.email == "lecturer@example.cn"
    for message in (to_school, to_lecturer):
        assert message.payload["url"].endswith(f"/visit/lecturers/{talk.pk}/")


def test_telling_them_again_sends_nothing_more(visits):
    talk = schedule(visits, ask(visits), make_lecturer(), at(3, 14))

    lecturer_notices.notify_scheduled(talk)

    assert Message.objects.count() == 2
