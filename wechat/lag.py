"""How far the outbox is behind, for the site's health endpoint."""

from datetime import datetime

from django.db.models import Min

from wechat.models import Message


def outbox_lag(now: datetime) -> float:
    """Seconds since the longest-waiting unsent message became due; 0 when none is waiting."""
    oldest = Message.objects.filter(
        status=Message.Status.PENDING, next_attempt_at__lte=now
    ).aggregate(oldest=Min("next_attempt_at"))["oldest"]
    return max((now - oldest).total_seconds(), 0.0) if oldest else 0.0
