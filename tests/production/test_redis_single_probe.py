"""After the pause of an outage one thread tries Redis again; the others keep answering
from memory instead of all waiting on a Redis that may still be down."""

import threading
import time

from config.cache import _Outage


def test_one_thread_claims_the_retry():
    outage = _Outage()
    outage.failed("redis://127.0.0.1:1/0", ConnectionError("down"))
    outage._retry_at = time.monotonic() - 1  # the pause is over
    start = threading.Barrier(8)
    answers = []

    def ask():
        start.wait()
        answers.append(outage.skip_redis())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers.count(False) == 1
    assert outage.skip_redis() is True
