from django.urls import path
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from wechat import admin_views, audit
from wechat.models import Broadcast
from wechat.panels import ChannelHealthPanel
from wechat.viewsets import WeChatViewSetGroup

register_snippet(WeChatViewSetGroup)
hooks.register("register_log_actions", audit.register_actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "wechat/channels/resume/<int:pk>/",
            admin_views.ChannelResumeView.as_view(),
            name="wechat_channel_resume",
        ),
        path(
            "wechat/channels/test/",
            admin_views.ChannelTestView.as_view(),
            name="wechat_channel_test",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_channel_panel(request, panels):
    panels.append(ChannelHealthPanel(request))


@hooks.register("after_publish_page")
def offer_broadcast(request, page):
    """A page that offers a broadcast (e.g. a campaign), live for the first time: offer an
    editor who may send broadcasts a prefilled one. Nothing is sent without the editor."""
    if not getattr(page.specific_class, "offers_wechat_broadcast", False):
        return
    if not page.live or page.first_published_at != page.last_published_at:
        return
    if not policy_registry.get_by_type(Broadcast).user_has_permission(request.user, "add"):
        return
    url = admin_views.broadcast_url("add") + "?" + urlencode({"page": page.pk})
    messages.info(
        request,
        _("「%(title)s」已发布，可以通过微信群发提醒关注者。") % {"title": page.title},
        buttons=[messages.button(url, _("发送微信群发提醒"))],
    )
