"""Forms of the school roles pages: a teacher's request (district first, then school) and an
officer's decision on a request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from education.models import Coordinator, District, School
from education.roles import ACTIONS


class DistrictForm(forms.Form):
    """Step one of a request: the district, so that step two lists only its schools."""

    district = forms.ModelChoiceField(
        label=_("学校所在区县"),
        queryset=District.objects.all(),
        empty_label=_("请选择区县"),
        error_messages={
            "required": _("请选择学校所在区县。"),
            "invalid_choice": _("请选择列表中的区县。"),
        },
    )


class CoordinatorRequestForm(forms.Form):
    school = forms.ModelChoiceField(
        label=_("学校"),
        queryset=School.objects.none(),
        empty_label=_("请选择学校"),
        error_messages={
            "required": _("请选择学校。"),
            "invalid_choice": _("请选择所选区县中的学校。"),
        },
    )
    title = forms.CharField(
        label=_("职务"),
        max_length=Coordinator._meta.get_field("title").max_length,
        help_text=_("如“德育处主任”“班主任”，方便区禁毒办审核。"),
        error_messages={"required": _("请填写您在学校的职务。")},
    )

    def __init__(self, district: District, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(district=district).order_by("name")


class DecisionForm(forms.Form):
    """One button of the approval page: approve or reject a request, or revoke a role."""

    role = forms.ModelChoiceField(queryset=Coordinator.objects.none())
    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS])

    def __init__(self, district: District, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Coordinator.objects.filter(school__district=district)
