"""Editing message texts in the Wagtail admin: one text per message kind, checked against
WeChat's field limits with the kind's sample before it is saved."""

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from wechat import kinds, texts
from wechat.models import MessageText

RESPONSIBILITY = gettext_lazy(
    "微信禁止在模板消息和订阅通知中发送营销、广告内容，违者可能被封禁模板。"
    "文案由编辑负责，请只写与本次通知直接相关的事实。"
    "占位符（如 {time}）在发送时替换为实际内容；留空的文案使用默认文案。"
)


class TemplateFieldsWidget(forms.Widget):
    """One text input per WeChat template field of the kind, named ``<name>__<key>``."""

    def __init__(self, kind: kinds.Kind | None = None, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.kind = kind

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        if self.kind is None:
            return {}
        return {f.key: data.get(f"{name}__{f.key}", "") for f in self.kind.fields}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer=None) -> str:
        if self.kind is None:
            return format_html("<p>{}</p>", _("请先选择消息类型并保存，再编辑模板字段的文案。"))
        value = value if isinstance(value, dict) else {}
        return format_html_join(
            "",
            '<div class="w-field__wrapper"><label class="w-field__label" for="{0}">{1}</label>'
            '<input type="text" class="w-field__input" id="{0}" name="{2}" value="{3}" '
            'maxlength="200"><p class="help">{4}</p></div>',
            (
                (
                    f"id_{name}__{f.key}",
                    f"{f.label}（{f.key}）",
                    f"{name}__{f.key}",
                    value.get(f.key, ""),
                    _("微信要求：%(limit)s。默认：%(default)s")
                    % {"limit": kinds.FIELD_TYPES[f.type][0], "default": f.default},
                )
                for f in self.kind.fields
            ),
        )


class TemplateFieldsField(forms.Field):
    widget = TemplateFieldsWidget

    def to_python(self, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            return {}
        return {key: " ".join(str(text).split()) for key, text in value.items() if text.strip()}


class MessageTextForm(WagtailAdminModelForm):
    """The kind is chosen when the text is created and fixed afterwards; every text is
    checked with the kind's sample context, so WeChat will accept what it produces."""

    fields = TemplateFieldsField(label=gettext_lazy("模板字段"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(k.key, f"{k.label}（{k.key}）") for k in kinds.all_kinds()]
        self.fields["kind"] = forms.ChoiceField(
            label=gettext_lazy("消息类型"), choices=[("", "---------"), *choices]
        )
        if self.instance.pk:
            self.fields["kind"].disabled = True
        kind = self._kind()
        self.fields["fields"].widget.kind = kind
        if kind:
            self.fields["email_subject"].help_text = _("默认：%s") % kind.email_subject
            self.fields["email_body"].help_text = _("默认：%s") % kind.email_body

    def _kind(self) -> kinds.Kind | None:
        key = self.instance.kind if self.instance.pk else self.data.get(self.add_prefix("kind"))
        try:
            return kinds.get(key) if key else None
        except LookupError:
            return None

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"]
        others = MessageText.objects.filter(kind=kind).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("该消息类型已有文案，请直接编辑。"))
        return kind

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kind = self._kind()
        if kind is None:
            return cleaned
        errors = texts.validate(
            kind,
            cleaned.get("fields") or {},
            cleaned.get("email_subject") or "",
            cleaned.get("email_body") or "",
        )
        for name, messages in errors.items():
            field = "fields" if name.startswith("fields.") else name
            for message in messages:
                self.add_error(field, message)
        return cleaned


class MessageTextViewSet(SnippetViewSet):
    model = MessageText
    icon = "mail"
    menu_label = gettext_lazy("消息文案")
    url_prefix = "wechat/texts"
    list_display = [
        Column("kind", label=gettext_lazy("消息类型"), accessor=lambda text: _label(text.kind)),
        "template_id",
        "updated_at",
    ]
    search_fields = ["kind"]
    edit_handler = ObjectList(
        [
            HelpPanel(content=RESPONSIBILITY),
            FieldPanel("kind"),
            MultiFieldPanel(
                [FieldPanel("template_id"), FieldPanel("subscribe_template_id")],
                heading=gettext_lazy("微信模板"),
            ),
            FieldPanel("fields"),
            MultiFieldPanel(
                [FieldPanel("email_subject"), FieldPanel("email_body")],
                heading=gettext_lazy("邮件（未绑定微信的用户收到邮件）"),
            ),
        ],
        base_form_class=MessageTextForm,
    )


def _label(key: str) -> str:
    try:
        return f"{kinds.get(key).label}（{key}）"
    except LookupError:
        return key
