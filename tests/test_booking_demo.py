"""`manage.py load_booking_demo`, after `load_demo` and `load_school_demo`, builds the two
bases with their slots and closures, the staff and visitor logins, and bookings in every
state the demo pages show; a second run changes nothing."""

import io
from datetime import date

from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from booking.access import is_base_staff, is_booking_manager
from booking.demo_visits import LECTURER, MANAGER, NEIGHBOUR, STAFF, TEACHER, VISITOR, ZHANG
from booking.models import (
    Booking,
    Closure,
    Lecturer,
    LecturerRequest,
    Pool,
    Slot,
    Venue,
    WaitlistEntry,
    Weekday,
    WeeklyRule,
)
from booking.places import recount
from education.management.demo_schools import demo_password
from education.models import Coordinator
from wechat.models import KeywordReply, Message

Status = Booking.Status


def snapshot() -> dict[str, int]:
    models = (
        Venue,
        WeeklyRule,
        Closure,
        Slot,
        Booking,
        WaitlistEntry,
        Lecturer,
        LecturerRequest,
        Coordinator,
        Message,
        Group,
        get_user_model(),
    )
    return {model.__name__: model.objects.count() for model in models}


def login(email: str):
    return get_user_model().objects.get(email=email)


class LoadBookingDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())
        call_command("load_school_demo", stdout=io.StringIO())
        cls.output = io.StringIO()
        call_command("load_booking_demo", stdout=cls.output)
        cls.after_first = snapshot()
        cls.city = Venue.objects.get(name="江州市禁毒教育基地")
        cls.district = Venue.objects.get(name="东城区禁毒教育基地")

    def test_second_run_creates_and_changes_nothing(self):
        again = io.StringIO()
        call_command("load_booking_demo", stdout=again)
        self.assertEqual(snapshot(), self.after_first)
        self.assertIn("参观预约演示数据已存在，未做任何修改。", again.getvalue())

    def test_the_logins_and_their_password_are_printed(self):
        output = self.output.getvalue()
        for person in (STAFF, MANAGER, VISITOR, NEIGHBOUR, LECTURER, TEACHER):
            with self.subTest(person=person.email):
                self.assertIn(person.email, output)
                self.assertIsNotNone(authenticate(username=person.email, password=demo_password()))
        self.assertIn(demo_password(), output)

    def test_the_two_bases_and_their_weekly_slots(self):
        self.assertFalse(self.city.requires_approval)
        self.assertTrue(self.district.requires_approval)
        self.assertEqual(self.district.district.name, "东城区")
        for venue in (self.city, self.district):
            self.assertTrue(venue.published and venue.address and venue.phone and venue.summary)
        self.assertEqual(self.city.rules.count(), 18)
        self.assertLess(self.district.rules.count(), self.city.rules.count())
        self.assertFalse(WeeklyRule.objects.filter(weekday=Weekday.MONDAY).exists())
        today = timezone.localdate()
        coming = Slot.objects.filter(venue=self.city, day__gt=today)
        self.assertGreater(coming.count(), 60)
        self.assertFalse(coming.filter(day__week_day=2).exists())  # 2: Monday

    def test_new_year_and_spring_festival_of_next_year_are_closed(self):
        year = timezone.localdate().year + 1
        closures = {closure.reason: closure for closure in Closure.objects.filter(venue=None)}
        self.assertEqual(set(closures), {"元旦闭馆", "春节闭馆"})
        new_year = closures["元旦闭馆"]
        self.assertEqual((new_year.first_day, new_year.last_day), (date(year, 1, 1),) * 2)
        spring = closures["春节闭馆"]
        self.assertEqual(spring.first_day.year, year)
        self.assertEqual((spring.last_day - spring.first_day).days, 6)
        for closure in closures.values():
            self.assertFalse(
                Slot.objects.filter(day__range=(closure.first_day, closure.last_day)).exists()
            )

    def test_staff_manager_and_lecturer(self):
        staff, manager = login(STAFF.email), login(MANAGER.email)
        self.assertTrue(is_base_staff(staff))
        self.assertFalse(is_booking_manager(staff))
        self.assertTrue(staff.has_perm("wagtailadmin.access_admin"))
        self.assertEqual(list(staff.groups.values_list("name", flat=True)), ["基地工作人员"])
        self.assertTrue(is_booking_manager(manager))
        self.assertEqual(list(manager.groups.values_list("name", flat=True)), ["预约管理员"])
        lecturer = Lecturer.objects.get(user__email=LECTURER.email)
        self.assertEqual((lecturer.name, lecturer.organisation), ("王警官", "市公安局禁毒支队"))

    def test_bookings_in_every_state_the_pages_show(self):
        bookings = Booking.objects.all()
        self.assertTrue(bookings.filter(pool=Pool.GROUP, status=Status.CONFIRMED).exists())
        self.assertTrue(bookings.filter(pool=Pool.PUBLIC, status=Status.CONFIRMED).exists())
        pending = bookings.get(status=Status.PENDING)
        self.assertEqual(pending.slot.venue, self.district)
        self.assertGreater(pending.hold_until, timezone.now())
        attended = bookings.get(status=Status.ATTENDED)
        self.assertLess(attended.slot.starts_at, timezone.now())
        self.assertTrue(0 < attended.arrived <= attended.headcount)
        no_show = bookings.get(status=Status.NO_SHOW)
        self.assertEqual((no_show.slot, no_show.user.email), (attended.slot, NEIGHBOUR.email))
        with_quiz = bookings.get(school_class__isnull=False)
        self.assertIsNotNone(with_quiz.pre_quiz)

    def test_a_full_slot_with_a_school_waiting(self):
        entry = WaitlistEntry.objects.select_related("slot", "school").get()
        self.assertEqual((entry.status, entry.school.name), ("waiting", TEACHER.school))
        self.assertEqual(entry.slot.places_left(Pool.GROUP), 0)

    def test_every_booking_has_its_message_and_every_slot_counts_right(self):
        now = timezone.now()
        for booking in Booking.objects.select_related("slot__venue"):
            kind = (
                "booking.received" if booking.slot.venue.requires_approval else "booking.confirmed"
            )
            self.assertTrue(
                Message.objects.filter(idempotency_key=f"booking:{booking.pk}:{kind}").exists()
            )
        for slot in Slot.objects.filter(bookings__isnull=False).distinct():
            taken = recount(slot, now)
            self.assertEqual(
                (slot.group_taken, slot.public_taken, slot.groups_taken),
                (taken.group, taken.public, taken.groups),
            )

    def test_talks_requested_and_scheduled(self):
        statuses = dict(LecturerRequest.objects.values_list("school__name", "status"))
        self.assertEqual(statuses, {"东城区实验小学": "scheduled", "西湖中学": "requested"})
        scheduled = LecturerRequest.objects.get(status="scheduled")
        self.assertEqual(scheduled.lecturer.name, "王警官")
        self.assertGreater(scheduled.starts_at, timezone.now())

    def test_demo_pages_open_for_their_people(self):
        self.assertContains(self.client.get(reverse("booking:venues")), "东城区禁毒教育基地")
        response = self.client.get(reverse("booking:venue", args=[self.city.slug]))
        self.assertContains(response, self.city.address)
        zhang = login(ZHANG.email)
        booking = Booking.objects.filter(user=zhang).exclude(school_class=None).get()
        self.client.force_login(zhang)
        self.assertContains(
            self.client.get(reverse("booking:booking", args=[booking.code])), booking.code
        )
        self.client.force_login(login(VISITOR.email))
        self.assertContains(self.client.get(reverse("booking:my_bookings")), "江州市禁毒教育基地")
        self.client.force_login(login(STAFF.email))
        self.assertEqual(self.client.get(reverse("booking:checkin")).status_code, 200)

    def test_the_wechat_keyword_opens_the_venues(self):
        reply = KeywordReply.objects.get(keywords="预约")
        assert reply.link.endswith(reverse("booking:venues"))
