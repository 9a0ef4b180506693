"""The daily run makes, for every published venue, the slots from today to the end of its
booking window plus a week; unpublished venues are left alone. The command says in Chinese
how many it made."""

from datetime import time, timedelta

from django.core.management import call_command
from django.utils import timezone

from booking.models import Slot
from booking.slot_generation import MARGIN_DAYS, generate_ahead
from tests.booking_factories import NOW, add_rule, make_venue


def daily_venue(name: str, slug: str, **fields):
    venue = make_venue(name, slug, **fields)
    for weekday in range(7):
        add_rule(venue, weekday, time(9), time(10, 30))
    return venue


def test_published_venues_get_their_window_and_a_week_more(visits):
    near = daily_venue("区禁毒教育基地", "district-base", opens_days_ahead=7)
    far = daily_venue("西湖区禁毒教育基地", "xihu-base", opens_days_ahead=30)
    hidden = daily_venue("筹建中的基地", "new-base", published=False)

    made = generate_ahead(now=NOW)

    today = timezone.localdate(NOW)
    for venue, ahead in ((near, 7), (far, 30)):
        days = sorted(Slot.objects.filter(venue=venue).values_list("day", flat=True))
        assert days[0] == today
        assert days[-1] == today + timedelta(days=ahead + MARGIN_DAYS)
        assert len(days) == ahead + MARGIN_DAYS + 1
    assert not Slot.objects.filter(venue=hidden).exists()
    assert made == (7 + MARGIN_DAYS + 1) + (30 + MARGIN_DAYS + 1)
    assert generate_ahead(now=NOW) == 0
    assert generate_ahead(now=NOW + timedelta(days=1)) == 2


def test_the_command_reports_the_count_in_chinese(visits, capsys):
    daily_venue("区禁毒教育基地", "district-base", opens_days_ahead=3)

    call_command("generate_slots")

    assert f"已生成 {3 + MARGIN_DAYS + 1} 个新场次。" in capsys.readouterr().out
    call_command("generate_slots")
    assert "已生成 0 个新场次。" in capsys.readouterr().out
