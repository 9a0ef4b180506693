"""manage.py reset_two_factor <email>: for a person who lost both their phone and their
recovery codes (README "两步验证")."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from education.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "删除一个账号的两步验证（身份验证器和恢复码）并记入站点历史；"
        "该账号下次只用密码登录，再重新开启。"
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="账号的电子邮箱")

    def handle(self, *args, email: str, **options):
        users = list(get_user_model().objects.filter(email__iexact=email.strip())[:2])
        if not users:
            raise CommandError(_("没有使用邮箱 %(email)s 的账号。") % {"email": email})
        if len(users) > 1:
            raise CommandError(
                _("有多个账号使用邮箱 %(email)s，请在后台核对后处理。") % {"email": email}
            )
        deleted = reset_two_factor(users[0])
        if deleted:
            self.stdout.write(
                _("已重置 %(email)s 的两步验证，删除了 %(count)d 项验证方式。")
                % {"email": users[0].email, "count": deleted}
            )
        else:
            self.stdout.write(_("%(email)s 尚未开启两步验证，无需重置。") % {"email": email})
