"""Admin forms that name a person's account by the email address they signed up with."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm


class AccountEmailForm(WagtailAdminModelForm):
    """The form's `email` field finds the account (any letter case) that becomes
    `instance.user`; `unknown_email` is the error when no account uses the address."""

    unknown_email = gettext_lazy("没有使用这个邮箱的账号，请先请对方在本站注册。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id:
            self.fields["email"].initial = self.instance.user.email

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(self.unknown_email)
        self.instance.user = user
        return email
