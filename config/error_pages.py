"""The project's ``handler500``: the page for a failure the visitor can do nothing about
(the database down, the media disk full or read-only) when a middleware raised it, as
``process_exception`` of each module's middleware gives it when a view did; Django's own
500 page for anything else.
"""

import sys

from django.views import defaults

from config.db_outage import outage_page
from config.storage import storage_error_page

# Each gives its page for the errors it knows and None for the others.
FRIENDLY_PAGES = (outage_page, storage_error_page)


def server_error(request):
    exception = sys.exc_info()[1]
    for page in FRIENDLY_PAGES:
        response = page(request, exception)
        if response is not None:
            return response
    return defaults.server_error(request)
