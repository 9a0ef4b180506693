"""The 「微信渠道」 panel on the Wagtail dashboard: is the channel healthy right now?"""

import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from wechat import conf
from wechat.broadcasts import OPEN_STATUSES
from wechat.delivery import active_pauses
from wechat.models import Broadcast, ChannelPause, Follower, Message

WINDOW = datetime.timedelta(hours=24)


def message_counts(now: datetime.datetime) -> dict:
    """Pending and held messages, those sent in the last 24 hours, those queued in the last
    24 hours that failed (a row keeps no failure time), and the due time of the oldest
    message still waiting (how far delivery lags behind)."""
    since = now - WINDOW
    pending = Q(status=Message.Status.PENDING)
    return Message.objects.aggregate(
        pending=Count("pk", filter=pending),
        held=Count("pk", filter=Q(status=Message.Status.HELD)),
        sent=Count("pk", filter=Q(status=Message.Status.SENT, sent_at__gte=since)),
        failed=Count("pk", filter=Q(status=Message.Status.FAILED, created_at__gte=since)),
        oldest_due=Min("next_attempt_at", filter=pending & Q(next_attempt_at__lte=now)),
    )


def last_broadcast() -> dict | None:
    """The latest broadcast sent, with its batches sent out of all."""
    broadcast = (
        Broadcast.objects.exclude(status=Broadcast.Status.DRAFT)
        .annotate(
            batches=Count("messages"),
            batches_sent=Count("messages", filter=Q(messages__status=Message.Status.SENT)),
            batches_open=Count("messages", filter=Q(messages__status__in=OPEN_STATUSES)),
        )
        .order_by("-started_at", "-pk")
        .first()
    )
    if broadcast is None:
        return None
    # The stored status becomes "done" when someone opens the progress page.
    finished = broadcast.status == Broadcast.Status.SENDING and not broadcast.batches_open
    return {
        "broadcast": broadcast,
        "status": Broadcast.Status.DONE.label if finished else broadcast.get_status_display(),
        "batches": broadcast.batches,
        "batches_sent": broadcast.batches_sent,
    }


class ChannelHealthPanel(Component):
    name = "wechat_channel"
    template_name = "wechat/admin/channel_panel.html"
    order = 150

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not policy_registry.get_by_type(Message).user_has_any_permission(
            self.request.user, ["add", "change", "delete", "view"]
        ):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        now = timezone.now()
        counts = message_counts(now)
        pause_policy = policy_registry.get_by_type(ChannelPause)
        return {
            "configured": conf.is_configured(),
            "counts": counts,
            "oldest_due": counts.pop("oldest_due"),
            "pauses": list(active_pauses(now).order_by("created_at")),
            "can_resume": pause_policy.user_has_permission(self.request.user, "delete"),
            "can_test": policy_registry.get_by_type(Message).user_has_permission(
                self.request.user, "change"
            ),
            "subscribed": Follower.objects.filter(subscribed=True).count(),
            "last_broadcast": last_broadcast(),
            "csrf_token": parent_context.get("csrf_token"),
            "request": self.request,
        }
