"""Forms of the lecturer request pages: a coordinator's request for a talk and a lecturer's
report after it. The rules are the service's (booking/lecturer_requests.py); these forms
read the input and say what is missing or malformed next to the field."""

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking.lecturer_requests import AUDIENCE_MAX, MAX_PHOTO_BYTES, MAX_PHOTOS, PHONE
from booking.models import LecturerRequest

# What a school writes in its request, in the order it is asked.
ASKED_FIELDS = [
    "topic",
    "audience",
    "audience_size",
    "first_choice",
    "second_choice",
    "third_choice",
    "contact_phone",
    "notes",
]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def audience_field(label: str, missing: str) -> forms.IntegerField:
    """A number of listeners, 1 to AUDIENCE_MAX; ``missing`` says it must be filled in."""
    return forms.IntegerField(
        label=label, min_value=1, max_value=AUDIENCE_MAX, error_messages={"required": missing}
    )


class LecturerRequestForm(forms.ModelForm):
    audience_size = audience_field(_("听众人数"), _("请填写听众人数。"))

    class Meta:
        model = LecturerRequest
        fields = ["school", *ASKED_FIELDS]
        widgets = {
            "first_choice": DATE_INPUT,
            "second_choice": DATE_INPUT,
            "third_choice": DATE_INPUT,
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "topic": _("如“远离新型毒品”“校园防毒知识”。"),
            "first_choice": _("可再填两个备选日期，方便统筹安排讲师。"),
            "notes": _("如希望的时段、场地条件、设备情况。"),
        }
        error_messages = {
            "school": {
                "required": _("请选择学校。"),
                "invalid_choice": _("请选择您负责的学校。"),
            },
            "topic": {"required": _("请填写讲座主题。")},
            "audience": {"required": _("请填写听众。")},
            "first_choice": {"required": _("请选择首选日期。")},
            "contact_phone": {"required": _("请填写联系电话。")},
        }

    def __init__(self, schools: QuerySet, *args, **kwargs):
        super().__init__(*args, **kwargs)
        school = self.fields["school"]
        school.queryset = schools.order_by("name")
        school.empty_label = None if schools.count() == 1 else _("请选择学校")
        self.fields["contact_phone"].validators.append(
            RegexValidator(PHONE, _("请填写正确的联系电话（手机或带区号的座机）。"))
        )


class MultipleImageInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several files in one input; each is checked as an image by the service."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/*"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        return [single(file, initial) for file in files if file]


class ReportForm(forms.Form):
    attendance = audience_field(_("实际听众人数"), _("请填写实际听众人数。"))
    report = forms.CharField(
        label=_("活动报告"),
        max_length=LecturerRequest._meta.get_field("report").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("讲座内容、学生反应和互动情况，几句话即可。"),
        error_messages={"required": _("请填写活动报告。")},
    )
    photos = PhotosField(label=_("现场照片"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].help_text = gettext(
            "最多 %(count)s 张，每张不超过 %(size)s MB，支持 JPG、PNG 等常见格式。"
        ) % {"count": MAX_PHOTOS, "size": MAX_PHOTO_BYTES // (1024 * 1024)}
