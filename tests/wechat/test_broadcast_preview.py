"""The preview shows the text as followers will read it, who gets it and who is left out
because WeChat's cap of four broadcasts per follower and calendar month (Beijing) is reached."""

import datetime

import pytest

from tests.factories import add_campaign, build_site
from tests.wechat.broadcast_helpers import draft, follower, received, tag
from wechat import broadcasts
from wechat.models import Message

pytestmark = pytest.mark.django_db


def last_month() -> datetime.datetime:
    return broadcasts.month_start() - datetime.timedelta(hours=1)


def test_a_follower_who_got_four_this_month_is_left_out():
    capped = follower()
    received(capped, 4)
    follower()
    preview = broadcasts.preview(draft())
    assert (preview.recipients, preview.capped) == (1, 1)


def test_four_last_month_or_three_this_month_still_receive():
    received(follower(), 4, when=last_month())
    received(follower(), 3)
    preview = broadcasts.preview(draft())
    assert (preview.recipients, preview.capped) == (2, 0)


def test_cancelled_or_failed_batches_do_not_count():
    someone = follower()
    received(someone, 2)
    received(someone, 1, status=Message.Status.CANCELLED)
    received(someone, 1, status=Message.Status.FAILED)
    assert broadcasts.preview(draft()).recipients == 1


def test_tags_select_followers_with_any_of_them_and_only_subscribed_ones():
    district, role, other = tag("江城区"), tag("教师", "role"), tag("河西区")
    follower(district)
    follower(role)
    follower(district, role)
    follower(other)
    follower(district, subscribed=False)
    preview = broadcasts.preview(draft(district, role))
    assert (preview.recipients, preview.capped) == (3, 0)


def test_the_month_starts_at_midnight_beijing_time():
    # 17:00 UTC on 30 November is 01:00 on 1 December in Beijing.
    now = datetime.datetime(2026, 11, 30, 17, 0, tzinfo=datetime.UTC)
    assert broadcasts.month_start(now) == datetime.datetime(
        2026, 11, 30, 16, 0, tzinfo=datetime.UTC
    )
    someone = follower()
    received(someone, 4, when=datetime.datetime(2026, 11, 30, 15, 30, tzinfo=datetime.UTC))
    assert not broadcasts.capped_follower_ids(now).exists()
    assert list(broadcasts.capped_follower_ids(now - datetime.timedelta(hours=2))) == [
        {"follower_id": someone.pk}
    ]


def test_the_linked_page_address_ends_the_text():
    tree = build_site()
    campaign = add_campaign(tree.campaigns, "6·26国际禁毒日宣传月", slug="626")
    text = broadcasts.preview(draft(page=campaign, text="  参加禁毒知识答题。 ")).text
    assert text == "参加禁毒知识答题。\nhttp://localhost/campaigns/626/"
