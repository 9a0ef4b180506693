import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET, FakeWeChat


class Command(BaseCommand):
    help = "在前台运行本机模拟微信接口，供演示和基准测试使用（不连接真实微信）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8100)
        parser.add_argument("--latency-ms", type=int, default=0, help="每次应答额外延迟的毫秒数")

    def handle(self, *args, port: int, latency_ms: int, **options) -> None:
        fake = FakeWeChat(
            settings.WECHAT_APP_ID or DEFAULT_APP_ID,
            settings.WECHAT_APP_SECRET or DEFAULT_APP_SECRET,
            port=port,
            latency=latency_ms / 1000,
        )
        fake.start()
        self.stdout.write(f"模拟微信接口：{fake.url}（AppID {fake.app_id}）")
        self.stdout.write("把 WECHAT_API_ROOT 指向它；按 Ctrl+C 停止。")
        self.stdout.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            fake.stop()
