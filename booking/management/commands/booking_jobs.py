import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from booking.jobs import run_jobs


class Command(BaseCommand):
    help = (
        "Run the periodic booking jobs once: lapse overdue reviews, expire waiting-list "
        "offers, mark no-shows and suspend, send tomorrow's reminders, generate slots. "
        "With --every SECONDS, keep running them (for the demo; use cron in production)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, metavar="SECONDS", help="Run again every SECONDS seconds."
        )

    def handle(self, *args, every, **options):
        if every is not None and every < 1:
            raise CommandError("--every takes a number of seconds, at least 1.")
        while True:
            counts = run_jobs()
            if options["verbosity"] >= 1:
                self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
            if every is None:
                return
            time.sleep(every)
            # A long loop must not keep a connection the database dropped meanwhile.
            close_old_connections()
