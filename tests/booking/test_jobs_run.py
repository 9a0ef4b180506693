"""The periodic jobs run together, in order, and say what each did; one failing job is
logged and the others still run. ``manage.py booking_jobs`` runs them once."""

import io
import logging
from datetime import time

import pytest
from django.core.management import CommandError, call_command

from booking import jobs
from booking.models import Booking, Slot
from tests.booking_factories import add_rule, at, book_public

pytestmark = pytest.mark.django_db


def test_every_job_runs_and_reports(visits):
    booking = book_public(visits.slot, visits.visitor)
    add_rule(visits.venue, weekday=1, start=time(14, 0), end=time(15, 30))

    counts = jobs.run_jobs(now=at(1, 9))

    assert list(counts) == ["lapsed", "expired_offers", "no_shows", "reminders", "slots"]
    assert counts["reminders"] == 1
    assert counts["no_shows"] == 0
    assert counts["slots"] == Slot.objects.filter(rule__isnull=False).count() > 0
    assert jobs.run_jobs(now=at(2, 10, 30))["no_shows"] == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


def test_a_failing_job_is_logged_and_the_rest_run(visits, monkeypatch, caplog):
    book_public(visits.slot, visits.visitor)

    def broken(now):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(jobs, "JOBS", (("broken", broken), *jobs.JOBS))
    with caplog.at_level(logging.ERROR, logger="booking.jobs"):
        counts = jobs.run_jobs(now=at(1, 9))

    assert counts["broken"] is None
    assert counts["reminders"] == 1
    assert "Booking job broken failed" in caplog.text
    assert "the database went away" in caplog.text


def test_the_command_runs_the_jobs_once(visits):
    out = io.StringIO()
    call_command("booking_jobs", stdout=out)
    assert out.getvalue().startswith("lapsed: 0, expired_offers: 0, no_shows: 0, reminders: 0")


def test_the_command_refuses_a_bad_interval(visits):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("booking_jobs", every=0)
