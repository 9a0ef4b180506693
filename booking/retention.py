"""Removing the contact details of visits past BOOKING_RETENTION_DAYS (0 keeps them
forever), as ``manage.py purge_personal_data`` does: the contact person's name, phone and
the booker's notes of bookings and waiting-list entries whose slot started longer ago than
that. Everything the monthly figures count (status, school, grade, head counts, arrivals)
stays, so the figures do not change. Batched and idempotent like the quiz purge."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from booking.models import Booking, WaitlistEntry
from education.retention import BATCH, cutoff, in_batches, log_run

PERSONAL = {"contact_name": "", "phone": "", "notes": ""}


def purge_contacts(now: datetime.datetime | None = None, batch: int = BATCH) -> dict[str, int]:
    """The number of bookings and of waiting-list entries whose contacts were removed."""
    before = cutoff(settings.BOOKING_RETENTION_DAYS, now)
    if before is None:
        return {"bookings": 0, "waitlist": 0}
    kept = ~Q(contact_name="") | ~Q(phone="") | ~Q(notes="")
    return {
        name: in_batches(model.objects.filter(kept, slot__starts_at__lt=before), batch, **PERSONAL)
        for name, model in (("bookings", Booking), ("waitlist", WaitlistEntry))
    }


def purge_on_signal(**kwargs) -> str:
    """Receiver of ``purging_personal_data``: the purge, its audit entry and its report line."""
    counts = purge_contacts()
    log_run("booking.purge_contacts", counts)
    return _("参观预约：清除 %(bookings)d 个预约、%(waitlist)d 个候补的联系信息。") % counts
