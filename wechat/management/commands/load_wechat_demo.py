"""``manage.py load_wechat_demo``: keyword replies and demo followers, after ``load_demo``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from wechat.demo_followers import load_demo_followers
from wechat.replies import ensure_default_replies


class Command(BaseCommand):
    help = "载入微信演示数据：关键词回复和带区县、角色标签的演示关注者（可重复运行）。"

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("还没有默认站点，请先运行 load_demo。"))
        replies = ensure_default_replies(site.root_page)
        followers = load_demo_followers()
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _("微信：关键词回复 %(replies)d 条，新建演示关注者 %(followers)d 位。")
                    % {"replies": len(replies), "followers": followers}
                )
            )
