"""Admin views of the WeChat app beyond Wagtail's generic ones: composing, previewing and
following a broadcast, retrying or cancelling an outbox message, resuming a channel,
sending oneself a test message."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Page

from wechat import broadcasts, conf, outbox
from wechat.models import Broadcast, ChannelPause, Message

BROADCAST_NS = "wechat_broadcasts"
MESSAGE_NS = "wechat_messages"
# Seconds between reloads of the progress page while batches wait to be sent.
PROGRESS_REFRESH = 10


def broadcast_url(name: str, *args) -> str:
    return reverse(f"{BROADCAST_NS}:{name}", args=args)


class BroadcastForm(WagtailAdminModelForm):
    class Meta:
        model = Broadcast
        fields = ["title", "text", "to_all", "tags", "page"]
        widgets = {"tags": forms.CheckboxSelectMultiple}

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if page and not (page.live and page.full_url):
            raise forms.ValidationError(_("只能链接已发布、可访问的页面。"))
        return page

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("to_all") and not cleaned.get("tags"):
            self.add_error("tags", _("请选择“全部关注者”，或至少选择一个标签。"))
        return cleaned


class BroadcastCreateView(generic.CreateView):
    """The compose form; a campaign page's title and summary fill it when given."""

    def get_initial(self):
        initial = super().get_initial()
        page = self._offered_page()
        if page:
            initial.update(page=page, title=page.title[:100], text=share_text(page))
        return initial

    def _offered_page(self) -> Page | None:
        page_id = self.request.GET.get("page", "")
        if not (page_id.isascii() and page_id.isdigit()) or len(page_id) > 18:
            return None
        page = Page.objects.live().filter(pk=page_id).first()
        return page.specific if page else None

    def get_context_data(self, **kwargs):
        return super().get_context_data(wechat_configured=conf.is_configured(), **kwargs)

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        return instance

    def get_success_url(self):
        return broadcast_url("preview", self.object.pk)

    def get_success_message(self, instance):
        return None


def share_text(page: Page) -> str:
    text = getattr(page, "share_description", "") or page.search_description
    return text[: Broadcast._meta.get_field("text").max_length]


class DraftOnlyMixin:
    """Editing and deleting take drafts only: a broadcast that started is followed on its
    progress page and keeps its batches as the record of what went out. Checked after the
    permission, so that nobody without it learns a broadcast's state."""

    started_message = ""

    def get(self, request, *args, **kwargs):
        return self._refuse_started(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse_started(request) or super().post(request, *args, **kwargs)

    def _refuse_started(self, request):
        broadcast = get_object_or_404(Broadcast, pk=self.kwargs["pk"])
        if broadcast.status == Broadcast.Status.DRAFT:
            return None
        if self.started_message:
            messages.error(request, self.started_message)
        return redirect(broadcast_url("progress", broadcast.pk))


class BroadcastEditView(DraftOnlyMixin, generic.EditView):
    def get_success_url(self):
        return broadcast_url("preview", self.object.pk)

    def get_success_message(self):
        return None


class BroadcastDeleteView(DraftOnlyMixin, generic.DeleteView):
    started_message = gettext_lazy("已开始发送的群发不能删除。")


class BroadcastMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = Broadcast
    any_permission_required = ["add", "change", "delete", "view"]
    header_icon = "mail"

    @cached_property
    def broadcast(self) -> Broadcast:
        return get_object_or_404(Broadcast.objects.select_related("page"), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.broadcast.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": broadcast_url("index"), "label": _("群发提醒")},
            {"url": "", "label": self.broadcast.title},
        ]


class BroadcastPreviewView(BroadcastMixin, TemplateView):
    """The text as followers will read it and who will get it; sending starts from here."""

    template_name = "wechat/admin/broadcast_preview.html"
    page_title = gettext_lazy("预览群发")

    def get(self, request, *args, **kwargs):
        if self.broadcast.status != Broadcast.Status.DRAFT:
            return redirect(broadcast_url("progress", self.broadcast.pk))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("add"):
            raise PermissionDenied
        try:
            broadcasts.start_broadcast(self.broadcast, request.user)
        except broadcasts.BroadcastError as error:
            messages.error(request, error.message)
            return redirect(broadcast_url("preview", self.broadcast.pk))
        messages.success(request, _("群发已开始，正在分批发送。"))
        return redirect(broadcast_url("progress", self.broadcast.pk))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            broadcast=self.broadcast,
            preview=broadcasts.preview(self.broadcast),
            wechat_configured=conf.is_configured(),
            can_send=self.user_has_permission("add"),
            can_edit=self.user_has_permission("change"),
            **kwargs,
        )


class BroadcastProgressView(BroadcastMixin, TemplateView):
    """Batches sent out of all, followers reached, WeChat's job results, failures."""

    template_name = "wechat/admin/broadcast_progress.html"
    page_title = gettext_lazy("群发进度")

    def get(self, request, *args, **kwargs):
        if self.broadcast.status == Broadcast.Status.DRAFT:
            return redirect(broadcast_url("preview", self.broadcast.pk))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        broadcast = broadcasts.settle(self.broadcast)
        progress = broadcasts.progress(broadcast)
        can_send = self.user_has_permission("add")
        return super().get_context_data(
            broadcast=broadcast,
            text=broadcasts.full_text(broadcast),
            progress=progress,
            refresh_seconds=PROGRESS_REFRESH if progress.is_open else None,
            can_cancel=can_send and broadcast.status == Broadcast.Status.SENDING,
            can_retry=can_send and broadcast.status != Broadcast.Status.CANCELLED,
            **kwargs,
        )


class BroadcastActionView(BroadcastMixin, View):
    """A POST that changes a started broadcast; needs the permission to send broadcasts."""

    http_method_names = ["post"]
    permission_required = "add"
    any_permission_required = None

    def post(self, request, *args, **kwargs):
        try:
            notice = self.perform()
        except broadcasts.BroadcastError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, notice)
        return redirect(broadcast_url("progress", self.broadcast.pk))

    def perform(self) -> str:
        raise NotImplementedError


class BroadcastCancelView(BroadcastActionView):
    def perform(self) -> str:
        cancelled = broadcasts.cancel_broadcast(self.broadcast)
        return _("已取消 %(count)d 个未发送的批次。") % {"count": cancelled}


class BroadcastRetryView(BroadcastActionView):
    def perform(self) -> str:
        broadcasts.retry_batch(self.broadcast, self.kwargs["message_id"])
        return _("该批次已重新排队发送。")


class MessageActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm, then retries or cancels one outbox message."""

    model = Message
    permission_required = "change"
    template_name = "wechat/admin/message_confirm.html"
    header_icon = "mail"
    allowed_statuses: tuple[str, ...] = ()
    refused = ""
    done = ""

    @cached_property
    def message(self) -> Message:
        return get_object_or_404(Message, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.message)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            message=self.message,
            allowed=self.message.status in self.allowed_statuses,
            refused=self.refused,
            cancel_url=reverse(f"{MESSAGE_NS}:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            self.perform(self.message)
        except (outbox.OutboxError, broadcasts.BroadcastError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, self.done)
        return redirect(reverse(f"{MESSAGE_NS}:index"))

    def perform(self, message: Message) -> None:
        raise NotImplementedError


class MessageRetryView(MessageActionView):
    page_title = gettext_lazy("重试消息")
    allowed_statuses = outbox.RETRYABLE
    refused = gettext_lazy("只有失败、已暂停或已过期的消息可以重试。")
    done = gettext_lazy("消息已重新排队发送。")

    def perform(self, message: Message) -> None:
        if message.broadcast_id and message.broadcast.status == Broadcast.Status.CANCELLED:
            raise broadcasts.BroadcastError(_("群发已取消，不能重试。"))
        outbox.retry(message)


class MessageCancelView(MessageActionView):
    page_title = gettext_lazy("取消消息")
    allowed_statuses = outbox.CANCELLABLE
    refused = gettext_lazy("只有待发送或已暂停的消息可以取消。")
    done = gettext_lazy("消息已取消。")

    def perform(self, message: Message) -> None:
        outbox.cancel(message)


class ChannelResumeView(PermissionCheckedMixin, View):
    """Lifts a channel pause and queues its held messages again (dashboard button)."""

    model = ChannelPause
    permission_required = "delete"
    http_method_names = ["post"]

    def post(self, request, pk):
        pause = get_object_or_404(ChannelPause, pk=pk)
        released = outbox.resume(pause)
        messages.success(
            request,
            _("已恢复%(channel)s，%(count)d 条暂停的消息重新排队。")
            % {"channel": pause, "count": released},
        )
        return redirect("wagtailadmin_home")


class ChannelTestView(PermissionCheckedMixin, View):
    """Sends the staff member a test message by the route their own notices take (WeChat,
    else email), so they can see the channel work end to end (dashboard button)."""

    model = Message
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request):
        now = timezone.now()
        with transaction.atomic():
            message = outbox.notify(
                request.user,
                "channel_test",
                {"time": now},
                key=f"channel-test:{request.user.pk}:{now.timestamp()}",
            )
        if message.status == Message.Status.FAILED:
            messages.error(
                request, _("测试消息无法发送：%(reason)s。") % {"reason": message.last_error}
            )
        else:
            messages.success(
                request,
                _("测试消息已排队，将通过%(channel)s发给您。")
                % {"channel": message.get_channel_display()},
            )
        return redirect("wagtailadmin_home")
