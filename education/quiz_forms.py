"""The forms a student fills in to identify: a class code, then student number and name."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from education.models import School, SchoolClass
from education.student_identity import identify, normalise_number

NO_MATCH = _("学号或姓名与学校花名册不一致，请核对后再试；如仍有问题，请联系班主任。")


class ClassCodeForm(forms.Form):
    code = forms.CharField(
        label=_("班级码"),
        max_length=20,
        help_text=_("老师发布的 6 位班级码，字母不分大小写。"),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "enterkeyhint": "next",
                "class": "quiz-code-input",
            }
        ),
    )

    school_class: SchoolClass | None = None

    def clean_code(self) -> str:
        code = normalise_number(self.cleaned_data["code"]).upper()
        self.school_class = SchoolClass.objects.select_related("school").filter(code=code).first()
        if self.school_class is None:
            raise ValidationError(_("没有找到这个班级码，请核对老师发布的班级码。"))
        return code


class IdentityForm(forms.Form):
    number = forms.CharField(
        label=_("学号"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("姓名"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "name", "enterkeyhint": "go"}),
    )

    def __init__(self, school: School, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.student = None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.student = identify(self.school, cleaned["number"], cleaned["name"])
        if self.student is None:
            # One message whichever is wrong: the form must not confirm a student number.
            raise ValidationError(NO_MATCH)
        return cleaned
