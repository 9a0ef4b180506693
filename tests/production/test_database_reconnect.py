"""After PostgreSQL drops the connection (a restart, a failover), the next request works:
the connection is checked before it is reused (conn_health_checks) and a new one is made.
Without the check the request would fail on the dead connection."""

import psycopg
import pytest
from django.db import close_old_connections, connection

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL connections only"),
]


def drop_the_connection() -> None:
    """End this connection's server process from another connection, as a restart would."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_the_next_request_reconnects(client):
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    close_old_connections()  # as at the start of a request
    connection.ensure_connection()
    old_pid = connection.connection.info.backend_pid
    drop_the_connection()

    close_old_connections()  # the next request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != old_pid
    # And a whole request through the site.
    assert client.get("/healthz").json()["checks"]["database"]["ok"] is True
