"""Forms of the classes, roster and roster import pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from education.models import School, SchoolClass
from education.roster_files import MAX_FILE_BYTES, MAX_ROWS
from education.roster_values import class_name


class SchoolClassForm(forms.ModelForm):
    """A new class of ``school``: grade and name, the name unique within the grade once
    written the way the import reads it ("(1)班" and "1" are both "1班")."""

    class Meta:
        model = SchoolClass
        fields = ["grade", "name"]
        widgets = {"name": forms.TextInput(attrs={"placeholder": _("如：1班")})}

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.school = school

    def clean_name(self) -> str:
        name = class_name(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("请填写班级名称。"))
        return name

    def clean(self) -> dict:
        cleaned = super().clean()
        grade = cleaned.get("grade", self.instance.grade)
        name = cleaned.get("name")
        if grade and name and self._taken(grade, name):
            label = f"{SchoolClass(grade=grade).get_grade_display()}{name}"
            self.add_error("name", _("本校已有%(label)s，请换一个名称。") % {"label": label})
        return cleaned

    def _taken(self, grade: int, name: str) -> bool:
        others = SchoolClass.objects.filter(school=self.instance.school, grade=grade, name=name)
        return others.exclude(pk=self.instance.pk).exists()


class RenameClassForm(SchoolClassForm):
    class Meta(SchoolClassForm.Meta):
        fields = ["name"]


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("名册文件"),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
        error_messages={
            "required": _("请选择名册文件。"),
            "empty": _("文件是空的，请选择填好学生名单的文件。"),
        },
    )
    deactivate_missing = forms.BooleanField(
        label=_("停用本名册中没有的学生"),
        required=False,
        help_text=_(
            "用于上传全校完整名册（如毕业、转学后）。按年级分开上传时请不要勾选，"
            "否则其他年级的学生会被停用。"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Excel（.xlsx）或 CSV 文件，不超过 %(size)d MB、%(rows)d 名学生；"
            "需要“学号、姓名、年级、班级”四列。"
        ) % {"size": MAX_FILE_BYTES // (1024 * 1024), "rows": MAX_ROWS}


class RosterFilterForm(forms.Form):
    """The roster page's filters, with the school's classes as loaded by the view."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    ALL = "all"

    school_class = forms.TypedChoiceField(label=_("班级"), required=False, coerce=int)
    q = forms.CharField(label=_("姓名或学号"), required=False, max_length=40)
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[(ACTIVE, _("在册")), (INACTIVE, _("已停用")), (ALL, _("全部"))],
    )

    def __init__(self, *args, classes: list[SchoolClass], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_class"].choices = [("", _("全部班级"))] + [
            (c.pk, str(c)) for c in classes
        ]
