"""Forms of the door check-in pages: the venue of the day's list, a booking code typed in (or
a scanned link pasted), and the headcount that arrived."""

import re
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from booking.models import Venue
from booking.models.bookings import CODE_LENGTH
from education.models.schools import CLASS_CODE_ALPHABET

# A booking code as the scanner and the form accept it, also at the end of a link.
CODE_PATTERN = f"[{CLASS_CODE_ALPHABET}]{{{CODE_LENGTH}}}"


def code_from(text: str) -> str:
    """The booking code in what was typed or scanned: the code itself, or a link ending in
    it (the QR code holds the check-in link); "" when there is none."""
    text = text.strip().upper()
    compact = re.sub(r"[\s-]+", "", text)
    if re.fullmatch(CODE_PATTERN, compact):
        return compact
    segments = [segment for segment in urlsplit(text).path.split("/") if segment]
    last = segments[-1] if segments else ""
    return last if re.fullmatch(CODE_PATTERN, last) else ""


class VenueForm(forms.Form):
    """The venue whose day is listed, among ``venues`` (read once by the view)."""

    venue = forms.TypedChoiceField(
        label=_("场馆"),
        coerce=int,
        error_messages={"invalid_choice": _("请选择列表中的场馆。")},
    )

    def __init__(self, *args, venues: list[Venue], **kwargs):
        super().__init__(*args, **kwargs)
        self.venues = {venue.pk: venue for venue in venues}
        self.fields["venue"].choices = [(venue.pk, venue.name) for venue in venues]

    def chosen(self) -> Venue | None:
        """The venue asked for, else the first one."""
        if self.is_bound and self.is_valid():
            return self.venues[self.cleaned_data["venue"]]
        return next(iter(self.venues.values()), None)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("预约码"),
        max_length=200,
        error_messages={"required": _("请输入预约码。")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "enterkeyhint": "go",
                "placeholder": _("8 位预约码"),
            }
        ),
    )

    def clean_code(self) -> str:
        code = code_from(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("预约码为 %(length)s 位字母和数字，请核对后重新输入。"),
                params={"length": CODE_LENGTH},
            )
        return code


class ArrivalForm(forms.Form):
    arrived = forms.IntegerField(
        label=_("实到人数"),
        max_value=9999,
        error_messages={
            "required": _("请填写实到人数。"),
            "invalid": _("实到人数请填写整数。"),
            "max_value": _("实到人数不能超过预约人数。"),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
    )

    def __init__(self, *args, headcount: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["arrived"].widget.attrs["max"] = headcount
