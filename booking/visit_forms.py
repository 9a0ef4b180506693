"""Forms of the public booking site: a school group's details, a public party's details, the
change of a booking's headcount. Each turns into the booking services' ``PartyDetails``; the
services check the venue's rules again under the slot's lock."""

import re
import uuid

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from booking.models import Booking, Pool, Venue
from booking.services import PartyDetails
from education.models import Grade, QuizPage, School, SchoolClass

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?")
COUNTRY_PREFIX = re.compile(r"^(\+86|0086)-?")
NAME_MAX = Booking._meta.get_field("contact_name").max_length
NOTES_MAX = Booking._meta.get_field("notes").max_length


class PhoneField(forms.CharField):
    """A Chinese mobile number (13800000001) or a landline with its area code
    (0571-12345678, an extension after a dash); spaces and a +86 prefix are dropped."""

    default_error_messages = {
        "invalid": _("请填写 11 位手机号，或带区号的固定电话（如 0571-12345678）。"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", Booking._meta.get_field("phone").max_length)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = re.sub(r"\s", "", super().to_python(value))
        return COUNTRY_PREFIX.sub("", value)

    def validate(self, value):
        super().validate(value)
        if value and not (MOBILE.fullmatch(value.replace("-", "")) or LANDLINE.fullmatch(value)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def clean(self, value):
        """A mobile number is kept as its 11 digits, a landline as written."""
        value = super().clean(value)
        digits = value.replace("-", "")
        return digits if MOBILE.fullmatch(digits) else value


def _count_field(label, minimum: int, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("请填写%(noun)s。") % {"noun": label},
            "invalid": _("%(noun)s请填写整数。") % {"noun": label},
            "min_value": _("%(noun)s至少为 %%(limit_value)s 人。") % {"noun": label},
            "max_value": _("%(noun)s不能超过 %%(limit_value)s 人。") % {"noun": label},
        },
    )


def students_field(venue: Venue) -> forms.IntegerField:
    return _count_field(_("学生人数"), 1, venue.max_group_size)


def teachers_field(venue: Venue) -> forms.IntegerField:
    field = _count_field(_("带队教师人数"), 1, venue.max_group_size)
    field.help_text = _("每 %(ratio)s 名学生至少 1 名带队教师。") % {
        "ratio": venue.students_per_teacher
    }
    return field


def visitors_field(venue: Venue) -> forms.IntegerField:
    field = _count_field(_("参观人数"), 1, venue.max_party_size)
    field.help_text = _("含本人，每单最多 %(max)s 人。") % {"max": venue.max_party_size}
    return field


class PartyForm(forms.Form):
    """Who to call about the visit; subclasses add who comes."""

    contact_name = forms.CharField(
        label=_("联系人"),
        max_length=NAME_MAX,
        error_messages={"required": _("请填写联系人姓名。")},
    )
    phone = PhoneField(label=_("联系电话"), error_messages={"required": _("请填写联系电话。")})


class SchoolChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ClassChoiceField(forms.ModelChoiceField):
    """Classes of every school the user coordinates; the school's name tells them apart."""

    def __init__(self, *args, many_schools: bool = False, **kwargs):
        self.many_schools = many_schools
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.school.name} {obj}" if self.many_schools else str(obj)


def _quiz_field(label) -> forms.ModelChoiceField:
    """A quiz for the class to take before or after the visit: the live quizzes for students
    (the form sets them)."""
    return forms.ModelChoiceField(
        label=label,
        queryset=QuizPage.objects.none(),
        required=False,
        empty_label=_("不选"),
        error_messages={"invalid_choice": _("请在列表中选择答题。")},
    )


class GroupPartyForm(PartyForm):
    """A school group, booked by an approved coordinator of the school."""

    pool = Pool.GROUP

    school = SchoolChoiceField(
        label=_("学校"),
        queryset=School.objects.none(),
        empty_label=_("请选择学校"),
        error_messages={
            "required": _("请选择学校。"),
            "invalid_choice": _("只能为您负责的学校预约，请在列表中选择。"),
        },
    )
    grade = forms.TypedChoiceField(
        label=_("年级"),
        choices=[("", _("多个年级"))] + Grade.choices,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("请在列表中选择年级。")},
    )
    school_class = ClassChoiceField(
        label=_("班级（可选）"),
        queryset=SchoolClass.objects.none(),
        required=False,
        empty_label=_("不指定班级"),
        help_text=_("指定一个班级并选择参观前后的答题，预约页会显示该班参观前后的成绩。"),
        error_messages={"invalid_choice": _("请在列表中选择本校的班级。")},
    )
    pre_quiz = _quiz_field(_("参观前答题（可选）"))
    post_quiz = _quiz_field(_("参观后答题（可选）"))
    notes = forms.CharField(
        label=_("备注（可选）"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("如需要讲解的重点、学生特殊情况等。"),
    )

    field_order = [
        "school",
        "contact_name",
        "phone",
        "grade",
        "students",
        "teachers",
        "school_class",
        "pre_quiz",
        "post_quiz",
        "notes",
    ]

    def __init__(self, schools: QuerySet[School], venue: Venue, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].label = _("带队教师")
        self.fields["phone"].label = _("带队教师电话")
        self.fields["students"] = students_field(venue)
        self.fields["teachers"] = teachers_field(venue)
        self.order_fields(self.field_order)
        schools = schools.order_by("name")
        self.fields["school"].queryset = schools
        classes = self.fields["school_class"]
        classes.queryset = SchoolClass.objects.filter(school__in=schools).select_related("school")
        classes.many_schools = len(schools) > 1
        quizzes = QuizPage.objects.live().filter(audience=QuizPage.Audience.STUDENTS)
        for name in ("pre_quiz", "post_quiz"):
            self.fields[name].queryset = quizzes.order_by("title")
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk

    def clean(self):
        cleaned = super().clean()
        school, school_class = cleaned.get("school"), cleaned.get("school_class")
        if school and school_class and school_class.school_id != school.pk:
            self.add_error("school_class", _("所选班级不属于所选学校。"))
        quizzes = cleaned.get("pre_quiz") or cleaned.get("post_quiz")
        if quizzes and not school_class and "school_class" not in self.errors:
            self.add_error("school_class", _("选择了答题时，请同时指定参加答题的班级。"))
        return cleaned

    def party(self) -> PartyDetails:
        data = self.cleaned_data
        return PartyDetails(
            contact_name=data["contact_name"],
            phone=data["phone"],
            students=data["students"],
            teachers=data["teachers"],
            grade=data["grade"],
            notes=data["notes"],
            school=data["school"],
            school_class=data["school_class"],
            pre_quiz=data["pre_quiz"],
            post_quiz=data["post_quiz"],
        )


class PublicPartyForm(PartyForm):
    """An individual or a family, booked by a signed-in visitor."""

    pool = Pool.PUBLIC

    def __init__(self, venue: Venue, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visitors"] = visitors_field(venue)

    def party(self) -> PartyDetails:
        data = self.cleaned_data
        return PartyDetails(
            contact_name=data["contact_name"], phone=data["phone"], visitors=data["visitors"]
        )


class SubmissionKeyForm(forms.Form):
    """A key made when the form is shown: the same submission sent twice is one booking."""

    key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("表单已失效，请刷新页面后重新提交。"),
            "invalid": _("表单已失效，请刷新页面后重新提交。"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("key", uuid.uuid4().hex)

    @property
    def submission_key(self) -> str:
        return self.cleaned_data["key"].hex


class GroupBookingForm(GroupPartyForm, SubmissionKeyForm):
    pass


class PublicBookingForm(PublicPartyForm, SubmissionKeyForm):
    pass


class HeadcountForm(forms.Form):
    """A new headcount for an open booking: students and teachers, or visitors."""

    def __init__(self, booking: Booking, *args, **kwargs):
        super().__init__(*args, **kwargs)
        venue = booking.slot.venue
        if booking.pool == Pool.GROUP:
            self.fields["students"] = students_field(venue)
            self.fields["teachers"] = teachers_field(venue)
        else:
            self.fields["visitors"] = visitors_field(venue)
        for name, field in self.fields.items():
            field.initial = getattr(booking, name)

    def counts(self) -> dict[str, int]:
        return dict(self.cleaned_data)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("取消原因（可选）"),
        max_length=Booking._meta.get_field("cancel_reason").max_length,
        required=False,
    )
