"""The WeChat app's entries in the audit trail (后台“报表 → 站点历史”): exports of follower
listings."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry

ACTIONS = {
    "wechat.export": (_("导出关注者"), _("导出了关注者列表")),
}


def register_actions(actions: LogActionRegistry) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
