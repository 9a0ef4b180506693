"""Changes coordinators make to a school's classes, each kept in the audit log (who, what,
when)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from education.models import SchoolClass
from education.roster_forms import SchoolClassForm


class ClassRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def save_class(form: SchoolClassForm, *, by: AbstractBaseUser) -> SchoolClass:
    """Create or rename a class from a valid form."""
    action = "wagtail.edit" if form.instance.pk else "wagtail.create"
    try:
        with transaction.atomic():
            school_class = form.save()
            log(school_class, action, user=by)
    except IntegrityError as error:  # the same name saved by someone else a moment ago
        raise ClassRefused(_("本校已有同名班级，请换一个名称。")) from error
    return school_class


def delete_class(school_class: SchoolClass, *, by: AbstractBaseUser) -> None:
    """Delete a class no student belongs to, active or not."""
    refusal = ClassRefused(
        _("%(class)s还有学生（包括已停用的），不能删除。") % {"class": school_class}
    )
    if school_class.students.exists():
        raise refusal
    try:
        with transaction.atomic():
            log(school_class, "wagtail.delete", user=by)
            school_class.delete()
    except ProtectedError as error:  # a student imported into it meanwhile
        raise refusal from error
