"""A step through the booking services taken from a button: the page that follows says
whether it went through, or why the service refused it."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest

from booking.errors import BookingError


def take_step(
    request: HttpRequest, step: Callable[[], object], done: str, *, channel=messages
) -> bool:
    """Run ``step``; ``done`` or the refusal's reason goes to the user through ``channel``
    (Django's messages, or wagtail.admin.messages in the admin). Returns whether it ran."""
    try:
        step()
    except BookingError as refusal:
        channel.error(request, refusal.message)
        return False
    channel.success(request, done)
    return True
