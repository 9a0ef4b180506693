import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET, FakeWeChat


class Command(BaseCommand):
    help = "Run the fake WeChat API in the foreground, for demos and benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8100)
        parser.add_argument("--latency-ms", type=int, default=0, help="added to every answer")

    def handle(self, *args, port: int, latency_ms: int, **options) -> None:
        fake = FakeWeChat(
            settings.WECHAT_APP_ID or DEFAULT_APP_ID,
            settings.WECHAT_APP_SECRET or DEFAULT_APP_SECRET,
            port=port,
            latency=latency_ms / 1000,
        )
        fake.start()
        self.stdout.write(f"Fake WeChat API at {fake.url} (app ID {fake.app_id})")
        self.stdout.write("Point WECHAT_API_ROOT at it; Ctrl+C stops it.", ending="\n")
        self.stdout.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            fake.stop()
