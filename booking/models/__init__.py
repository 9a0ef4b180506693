from booking.models.bookings import (
    Booking,
    Suspension,
    WaitlistEntry,
    holding,
    offer_holding,
    suspension_active,
)
from booking.models.lecturers import Lecturer, LecturerReportPhoto, LecturerRequest
from booking.models.slots import Pool, Slot
from booking.models.venues import Closure, Venue, VenuePhoto, Weekday, WeeklyRule

__all__ = [
    "Booking",
    "Closure",
    "Lecturer",
    "LecturerReportPhoto",
    "LecturerRequest",
    "Pool",
    "Slot",
    "Suspension",
    "Venue",
    "VenuePhoto",
    "WaitlistEntry",
    "Weekday",
    "WeeklyRule",
    "holding",
    "offer_holding",
    "suspension_active",
]
