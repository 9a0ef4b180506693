"""Entries expire: the home page (the live knowledge rate, upcoming open days) after a
minute, other pages after five, and every page at local midnight (what is upcoming)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def at(hour: int, minute: int, second: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute, second)))


@pytest.mark.parametrize(("which", "seconds"), [("home", 60), ("article", 300)])
def test_a_page_is_kept_for_its_time(client, article, which, seconds):
    url = {"home": "/", "article": article.url}[which]
    with time_machine.travel(at(10, 0), tick=False) as traveller:
        assert client.get(url)[HEADER] == "miss"
        traveller.shift(seconds - 1)
        assert client.get(url)[HEADER] == "hit"
        traveller.shift(2)
        assert client.get(url)[HEADER] == "miss"


def test_no_page_is_kept_past_midnight(client, article):
    with time_machine.travel(at(23, 59, 30), tick=False) as traveller:
        assert client.get(article.url)[HEADER] == "miss"
        traveller.shift(29)
        assert client.get(article.url)[HEADER] == "hit"
        traveller.shift(2)
        assert client.get(article.url)[HEADER] == "miss"
