"""Calls started at the same moment from several threads, each on its own database
connection, as concurrent requests or workers would be."""

import threading
from collections.abc import Callable, Sequence

from django.db import connection


def at_once(function: Callable, arguments: Sequence[tuple]) -> list:
    """Call ``function`` with each tuple of ``arguments`` in its own thread, all released
    together; the results in the order of ``arguments``."""
    start = threading.Barrier(len(arguments))
    results: list = [None] * len(arguments)

    def call(index: int, args: tuple) -> None:
        start.wait()
        try:
            results[index] = function(*args)
        finally:
            connection.close()

    threads = [threading.Thread(target=call, args=item) for item in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
