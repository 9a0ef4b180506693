"""Taking a student off the roster (转学, 休学) or back onto it, one at a time; the school's
roster sizes and rates follow in the same transaction."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from education.models import School, Student
from education.rate_counts import recount_school

STATUS_ACTIONS = {True: "education.student_reactivate", False: "education.student_deactivate"}


def set_active(student: Student, active: bool, *, by: AbstractBaseUser) -> bool:
    """Whether the student's state changed (False if it already was ``active``)."""
    with transaction.atomic():
        school = School.objects.select_for_update(no_key=True).get(pk=student.school_id)
        changed = Student.objects.filter(pk=student.pk, active=not active).update(
            active=active, updated_at=timezone.now()
        )
        if changed:
            student.active = active
            recount_school(school)
            log(student, STATUS_ACTIONS[active], user=by)
    return bool(changed)
