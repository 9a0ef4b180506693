"""Keeping Follower rows current from callback events: following, unfollowing, interacting,
and 订阅通知 consent."""

import datetime

from wechat.models import Follower

ACCEPT = "accept"
REJECT = "reject"
SPENT = "spent"  # a one-time consent that a queued message has used
# A send refused because the user withdrew consent (or never gave it).
REFUSED_CODE = "43101"


def interacted(openid: str, at: datetime.datetime) -> Follower:
    """The user did something: only followers can write to the account, so they follow it,
    and WeChat opens its 48-hour window for 客服消息."""
    follower, created = Follower.objects.get_or_create(
        openid=openid, defaults={"subscribed": True, "last_interaction_at": at}
    )
    if not created:
        follower.subscribed = True
        follower.last_interaction_at = at
        follower.save(update_fields=["subscribed", "last_interaction_at"])
    return follower


def subscribed(openid: str, at: datetime.datetime) -> Follower:
    follower = interacted(openid, at)
    follower.subscribed_at = at
    follower.unsubscribed_at = None
    follower.save(update_fields=["subscribed_at", "unsubscribed_at"])
    return follower


def unsubscribed(openid: str, at: datetime.datetime) -> None:
    follower, _created = Follower.objects.get_or_create(openid=openid)
    follower.subscribed = False
    follower.unsubscribed_at = at
    follower.save(update_fields=["subscribed", "unsubscribed_at"])


def record_consent(openid: str, choices: dict[str, str]) -> None:
    """Store 订阅通知 consent per template ID ("accept" or "reject")."""
    if not choices:
        return
    follower, _created = Follower.objects.select_for_update().get_or_create(openid=openid)
    follower.subscriptions = {**follower.subscriptions, **choices}
    follower.save(update_fields=["subscriptions"])


def spend_consent(follower: Follower, template_id: str) -> None:
    """A one-time 订阅通知 opt-in allows one send: the message queued with it uses it up."""
    follower = Follower.objects.select_for_update().get(pk=follower.pk)
    if follower.subscriptions.get(template_id) == ACCEPT:
        follower.subscriptions = {**follower.subscriptions, template_id: SPENT}
        follower.save(update_fields=["subscriptions"])


def consent_choices(event: str, items: list[dict]) -> dict[str, str]:
    """Template ID → "accept"/"reject" from the List items of a 订阅通知 event."""
    choices = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("TemplateId"), str):
            continue
        if event == "subscribe_msg_sent_event":
            if item.get("ErrorCode") == REFUSED_CODE:
                choices[item["TemplateId"]] = REJECT
        elif item.get("SubscribeStatusString") in (ACCEPT, REJECT):
            choices[item["TemplateId"]] = item["SubscribeStatusString"]
    return choices
