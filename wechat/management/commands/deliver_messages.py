import logging
import time

from django.core.management.base import BaseCommand

from wechat.delivery import deliver_due
from wechat.tasks import BATCH_SIZE, THREADS

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send the queued WeChat and email messages that are due (once, or with --loop forever)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep sending; sleep when idle.")
        parser.add_argument("--sleep", type=float, default=1.0, help="Seconds to wait when idle.")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument("--threads", type=int, default=THREADS)

    def handle(self, *args, loop, sleep, batch_size, threads, **options):
        while True:
            try:
                counts = deliver_due(batch_size=batch_size, threads=threads)
            except Exception:
                if not loop:
                    raise
                # A failed run (database gone for a moment) must not end the loop.
                logger.exception("Delivery run failed; trying again")
                time.sleep(sleep)
                continue
            if options["verbosity"] >= 1 and any(vars(counts).values()):
                self.stdout.write(", ".join(f"{k}: {v}" for k, v in vars(counts).items()))
            if not loop:
                return
            time.sleep(sleep)
