"""The rules a party must meet to book or wait for a slot: who may book for a school, group
sizes and the teacher ratio, party sizes of the public, suspensions and per-booker limits."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from booking.errors import BookingError
from booking.models import Booking, Pool, Slot, Suspension, Venue, holding, suspension_active
from education.access import coordinated_schools
from education.models import Grade, QuizPage, School, SchoolClass

MAX_TEXT = 40
MAX_PHONE = 20
MAX_NOTES = 500


@dataclass
class PartyDetails:
    """What a booker tells us about who is coming."""

    contact_name: str
    phone: str
    students: int = 0
    teachers: int = 0
    visitors: int = 0
    grade: int | None = None
    notes: str = ""
    school: School | None = None
    school_class: SchoolClass | None = None
    pre_quiz: QuizPage | None = None
    post_quiz: QuizPage | None = None

    @property
    def headcount(self) -> int:
        return self.students + self.teachers + self.visitors


def check_party(venue: Venue, pool: str, party: PartyDetails, by) -> None:
    """Raise BookingError unless ``by`` may book this party at ``venue``."""
    if pool not in Pool.values:
        raise BookingError(_("预约类别无效。"))
    if not party.contact_name.strip() or not party.phone.strip():
        raise BookingError(_("请填写联系人和联系电话。"))
    if len(party.contact_name.strip()) > MAX_TEXT or len(party.phone.strip()) > MAX_PHONE:
        raise BookingError(_("联系人或联系电话过长。"))
    if len(party.notes.strip()) > MAX_NOTES:
        raise BookingError(_("备注最多 %(max)s 字。") % {"max": MAX_NOTES})
    if min(party.students, party.teachers, party.visitors) < 0:
        raise BookingError(_("人数不能为负数。"))
    if pool == Pool.GROUP:
        _check_group(venue, party, by)
    else:
        _check_public(venue, party)


def _check_group(venue: Venue, party: PartyDetails, by) -> None:
    school = party.school
    if school is None or not coordinated_schools(by).filter(pk=school.pk).exists():
        raise BookingError(_("只有该校经审核的学校联络员才能为学校预约团体参观。"))
    if party.visitors:
        raise BookingError(_("团体预约请分别填写学生和教师人数。"))
    if party.grade is not None and party.grade not in Grade.values:
        raise BookingError(_("年级无效。"))
    if party.school_class and party.school_class.school_id != school.pk:
        raise BookingError(_("所选班级不属于该校。"))
    check_group_size(venue, party.students, party.teachers)


def check_group_size(venue: Venue, students: int, teachers: int) -> None:
    """Group size limits and the teacher ratio of the venue."""
    if students < 1 or teachers < 1:
        raise BookingError(_("团体须至少有 1 名学生和 1 名带队教师。"))
    headcount = students + teachers
    if not venue.min_group_size <= headcount <= venue.max_group_size:
        raise BookingError(
            _("团体人数须在 %(min)s 至 %(max)s 人之间（含教师），现为 %(count)s 人。")
            % {"min": venue.min_group_size, "max": venue.max_group_size, "count": headcount}
        )
    needed = -(-students // venue.students_per_teacher)
    if teachers < needed:
        raise BookingError(
            _(
                "每 %(ratio)s 名学生至少需 1 名带队教师：%(students)s 名学生至少需 "
                "%(needed)s 名教师。"
            )
            % {"ratio": venue.students_per_teacher, "students": students, "needed": needed}
        )


def _check_public(venue: Venue, party: PartyDetails) -> None:
    if party.school or party.students or party.teachers:
        raise BookingError(_("个人/家庭预约请只填写参观人数。"))
    check_public_size(venue, party.visitors)


def check_public_size(venue: Venue, visitors: int) -> None:
    if not 1 <= visitors <= venue.max_party_size:
        raise BookingError(
            _("个人/家庭预约每单 1 至 %(max)s 人，现为 %(count)s 人。")
            % {"max": venue.max_party_size, "count": visitors}
        )


def active_suspension(*, school=None, user=None, now: datetime) -> Suspension | None:
    suspensions = Suspension.objects.filter(suspension_active(now))
    if school is not None:
        return suspensions.filter(school=school).order_by("-ends_at").first()
    return suspensions.filter(user=user).order_by("-ends_at").first()


def check_booker(venue: Venue, pool: str, party: PartyDetails, by, now: datetime) -> None:
    """Suspensions and the limit on open future bookings of a school or a person."""
    group = pool == Pool.GROUP
    suspension = active_suspension(
        school=party.school if group else None, user=None if group else by, now=now
    )
    if suspension:
        raise BookingError(
            _("%(who)s的预约资格已暂停至 %(until)s（%(reason)s）。")
            % {
                "who": party.school.name if group else _("您"),
                "until": f"{timezone.localtime(suspension.ends_at):%Y-%m-%d %H:%M}",
                "reason": suspension.reason,
            }
        )
    # The limits are the venue's: they count the bookings held at this venue only.
    open_bookings = Booking.objects.filter(holding(now), slot__venue=venue, slot__starts_at__gt=now)
    if group:
        count, limit = open_bookings.filter(school=party.school).count(), venue.max_open_per_school
        message = _(
            "每所学校在本场馆最多同时持有 %(limit)s 个未完成的预约，请先完成或取消已有预约。"
        )
    else:
        count = open_bookings.filter(user=by, pool=Pool.PUBLIC).count()
        limit = venue.max_open_per_person
        message = _("每人在本场馆最多同时持有 %(limit)s 个未完成的预约，请先完成或取消已有预约。")
    if count >= limit:
        raise BookingError(message % {"limit": limit})


def check_not_booked(slot: Slot, pool: str, by, now: datetime) -> None:
    """A person holds at most one public booking per slot."""
    if pool != Pool.PUBLIC:
        return
    if Booking.objects.filter(slot=slot, user=by, pool=Pool.PUBLIC).filter(holding(now)).exists():
        raise BookingError(_("您已预约该场次，如需调整人数请修改已有预约。"))


def lock_booker(pool: str, school: School | None, user) -> None:
    """Lock the school (or the person) until the transaction ends, so that its limit on open
    bookings holds when two of its coordinators book at once. Take it before the slot's
    lock, so that locks never cross."""
    if pool == Pool.GROUP:
        lock_school(school.pk)
    else:
        # "no key", like lock_school: rows that refer to the person (messages, bookings,
        # log entries) are written under slot locks elsewhere; a full lock would deadlock.
        users = get_user_model().objects.select_for_update(of=("self",), no_key=True)
        users.filter(pk=user.pk).first()


def lock_school(pk: int) -> None:
    # "self": the school's ordering joins its district, whose row must stay free; "no key":
    # rows that refer to the school (bookings, students) may still be written meanwhile.
    School.objects.select_for_update(of=("self",), no_key=True).filter(pk=pk).first()
