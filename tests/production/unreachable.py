"""A database connection that cannot be made, of the engine the tests run on."""

from django.db import connections
from django.db.utils import load_backend


def unreachable_database():
    """A new connection like the default one, aimed where no database is."""
    settings_dict = {**connections["default"].settings_dict}
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict["NAME"] = "/nonexistent-folder/unreachable.sqlite3"
        settings_dict["OPTIONS"] = {}
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=1, NAME="unreachable")
        settings_dict["OPTIONS"] = {**settings_dict["OPTIONS"], "connect_timeout": 2}
    backend = load_backend(settings_dict["ENGINE"])
    return backend.DatabaseWrapper(settings_dict, alias="unreachable")
