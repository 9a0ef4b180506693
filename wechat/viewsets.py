"""The WeChat app's screens in the Wagtail admin, grouped under one 「微信」 menu."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from exports.views import AuditedExportIndexView
from wechat import admin_views
from wechat.models import Broadcast, Follower, FollowerTag, Message
from wechat.models.replies import KeywordReply
from wechat.text_admin import MessageTextViewSet


class RecordViewSet(ModelViewSet):
    """Rows the platform writes itself: listed and inspected here, never created."""

    copy_view_enabled = False
    inspect_view_enabled = True
    hidden_views = frozenset({"add"})

    def get_common_view_kwargs(self, **kwargs):
        hidden = {f"{name}_url_name": None for name in self.hidden_views}
        return super().get_common_view_kwargs(**{**hidden, **kwargs})

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name not in self.hidden_views]

    @property
    def url_finder_class(self):
        # Links to a record from other screens (e.g. a follower's usage) open it read-only.
        finder = super().url_finder_class
        if "edit" in self.hidden_views:
            finder.edit_url_name = self.get_url_name("inspect")
        return finder


class FollowerFilterSet(WagtailFilterSet):
    subscribed = django_filters.BooleanFilter(label=_("关注中"))
    bound = django_filters.BooleanFilter(
        label=_("已绑定账号"), field_name="user", lookup_expr="isnull", exclude=True
    )
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("标签"), queryset=FollowerTag.objects.all(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Follower
        fields = ["subscribed", "bound", "tags"]


class FollowerIndexView(AuditedExportIndexView):
    export_action = "wechat.export"


class FollowerViewSet(RecordViewSet):
    """Followers are personal data: the export leaves out OpenIDs and accounts."""

    model = Follower
    name = "wechat_followers"
    url_prefix = "wechat/followers"
    icon = "user"
    menu_label = _("关注者")
    panels = [FieldPanel("tags", widget=forms.CheckboxSelectMultiple)]
    list_display = [
        "openid",
        BooleanColumn("subscribed", label=_("关注中")),
        "bound_at",
        "last_interaction_at",
        "created_at",
    ]
    filterset_class = FollowerFilterSet
    search_fields = ["openid"]
    list_export = ["subscribed", "subscribed_at", "bound_at", "last_interaction_at", "created_at"]
    index_view_class = FollowerIndexView
    inspect_view_fields = [
        "openid",
        "subscribed",
        "subscribed_at",
        "unsubscribed_at",
        "user",
        "bound_at",
        "tags",
        "last_interaction_at",
        "created_at",
    ]


class FollowerTagViewSet(ModelViewSet):
    model = FollowerTag
    name = "wechat_follower_tags"
    url_prefix = "wechat/follower-tags"
    icon = "tag"
    menu_label = _("关注者标签")
    form_fields = ["name", "kind"]
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    copy_view_enabled = False


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        # A mass message's payload holds up to 10,000 OpenIDs: never needed in the listing.
        return super().get_base_queryset().defer("payload")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.user_has_permission("change"):
            return buttons
        if instance.status in admin_views.MessageRetryView.allowed_statuses:
            buttons.append(self._button(_("重试"), "retry", instance, "resubmit"))
        if instance.status in admin_views.MessageCancelView.allowed_statuses:
            buttons.append(self._button(_("取消发送"), "cancel", instance, "cross"))
        return buttons

    def _button(self, label, view_name, instance, icon):
        url = reverse(f"{admin_views.MESSAGE_NS}:{view_name}", args=[instance.pk])
        return MenuItem(label, url=url, icon_name=icon, priority=40)


class MessageViewSet(RecordViewSet):
    """The outbox: what was sent, what waits and what failed, with retry and cancel."""

    model = Message
    name = admin_views.MESSAGE_NS
    url_prefix = "wechat/messages"
    icon = "mail"
    menu_label = _("消息")
    hidden_views = frozenset({"add", "edit", "delete"})
    form_fields: list[str] = []  # the hidden add and edit views are still built
    index_view_class = MessageIndexView
    list_display = [
        "idempotency_key",
        "kind",
        Column("channel", label=_("渠道"), accessor="get_channel_display"),
        Column("status", label=_("状态"), accessor="get_status_display"),
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["idempotency_key"]
    list_export = ["kind", "channel", "status", "attempts", "created_at", "sent_at", "last_error"]
    inspect_view_fields = [
        "kind",
        "channel",
        "status",
        "follower",
        "user",
        "email",
        "broadcast",
        "idempotency_key",
        "attempts",
        "next_attempt_at",
        "not_after",
        "wechat_msgid",
        "last_error",
        "created_at",
        "sent_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("retry/<int:pk>/", admin_views.MessageRetryView.as_view(), name="retry"),
            path("cancel/<int:pk>/", admin_views.MessageCancelView.as_view(), name="cancel"),
        ]


class KeywordReplyViewSet(SnippetViewSet):
    model = KeywordReply
    icon = "comment"
    menu_label = _("关键词回复")
    list_display = ["title", "keywords", "menu_label", BooleanColumn("active", label=_("启用"))]
    list_filter = ["active"]
    search_fields = ["keywords", "title", "text"]
    copy_view_enabled = False


class BroadcastIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Broadcast.Status.DRAFT:
            label, view_name = _("预览并发送"), "preview"
        else:
            label, view_name = _("发送进度"), "progress"
        url = admin_views.broadcast_url(view_name, instance.pk)
        buttons.append(MenuItem(label, url=url, icon_name="view", priority=5))
        return buttons


class BroadcastViewSet(ModelViewSet):
    model = Broadcast
    name = admin_views.BROADCAST_NS
    url_prefix = "wechat/broadcasts"
    icon = "mail"
    menu_label = _("群发提醒")
    copy_view_enabled = False
    index_view_class = BroadcastIndexView
    add_view_class = admin_views.BroadcastCreateView
    edit_view_class = admin_views.BroadcastEditView
    delete_view_class = admin_views.BroadcastDeleteView
    create_template_name = "wechat/admin/broadcast_create.html"
    list_display = [
        "title",
        Column("status", label=_("状态"), accessor="get_status_display"),
        "recipients",
        "capped",
        "created_at",
        "started_at",
    ]
    list_filter = ["status"]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        return admin_views.BroadcastForm

    def get_urlpatterns(self):
        views = admin_views
        return super().get_urlpatterns() + [
            path("preview/<int:pk>/", views.BroadcastPreviewView.as_view(), name="preview"),
            path("progress/<int:pk>/", views.BroadcastProgressView.as_view(), name="progress"),
            path("cancel/<int:pk>/", views.BroadcastCancelView.as_view(), name="cancel"),
            path(
                "retry/<int:pk>/<int:message_id>/",
                views.BroadcastRetryView.as_view(),
                name="retry",
            ),
        ]


class WeChatViewSetGroup(ViewSetGroup):
    menu_label = _("微信")
    menu_icon = "mobile-alt"
    menu_order = 250
    items = (
        BroadcastViewSet,
        FollowerViewSet,
        FollowerTagViewSet,
        MessageViewSet,
        MessageTextViewSet,
        KeywordReplyViewSet,
    )
