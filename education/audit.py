"""The audit trail of changes staff make to schools, rosters and results, of exports of
personal data and of two-factor resets, kept in Wagtail's log (后台“报表 → 站点历史”):
who, what, when."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry

ACTIONS = {
    "education.roster_import": (_("导入花名册"), _("导入了花名册")),
    "education.student_deactivate": (_("学生离册"), _("将学生标为离册")),
    "education.student_reactivate": (_("学生恢复在册"), _("将学生恢复在册")),
    "education.coordinator_request": (_("申请学校联络员"), _("申请成为学校联络员")),
    "education.coordinator_approve": (_("批准学校联络员"), _("批准了学校联络员")),
    "education.coordinator_reject": (_("拒绝学校联络员"), _("拒绝了学校联络员申请")),
    "education.coordinator_revoke": (_("撤销学校联络员"), _("撤销了学校联络员")),
    "education.export": (_("导出数据"), _("导出了数据")),
    "education.purge_personal_data": (
        _("清除过期个人信息"),
        _("清除了超过保存期限的答题个人信息"),
    ),
    "education.reset_two_factor": (_("重置两步验证"), _("重置了两步验证")),
}


def register_actions(actions: LogActionRegistry) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
