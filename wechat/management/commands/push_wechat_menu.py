import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wechat.client import get_client
from wechat.errors import NotConfigured, WeChatError
from wechat.menu import MenuError, build_menu


class Command(BaseCommand):
    help = "用关键词回复中设置了菜单名称的条目生成自定义菜单，并推送到微信（--dry-run 只打印）。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只打印菜单，不发送")

    def handle(self, *args, dry_run=False, **options):
        try:
            menu = build_menu()
        except MenuError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(menu, ensure_ascii=False, indent=2))
        if dry_run:
            return
        try:
            get_client().create_menu(menu)
        except NotConfigured:
            raise CommandError(
                _("微信公众号未配置（WECHAT_APP_ID、WECHAT_APP_SECRET），菜单未发送。")
            ) from None
        except WeChatError as error:
            raise CommandError(_("微信未接受菜单：%(error)s") % {"error": error}) from None
        self.stdout.write(self.style.SUCCESS(_("自定义菜单已发送。")))
