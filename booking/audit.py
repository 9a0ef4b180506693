"""The audit trail of what bookers and staff do with bookings, slots and lecturer requests,
kept in Wagtail's log (后台“报表 → 站点历史”): who, what, when."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry

ACTIONS = {
    "booking.book": (_("预约参观"), _("预约了参观")),
    "booking.approve": (_("批准预约"), _("批准了预约")),
    "booking.refuse": (_("拒绝预约"), _("拒绝了预约")),
    "booking.lapse": (_("预约审核超时"), _("预约因审核超时失效")),
    "booking.cancel": (_("取消预约"), _("取消了预约")),
    "booking.change": (_("修改预约人数"), _("修改了预约人数")),
    "booking.check_in": (_("签到"), _("为预约签到")),
    "booking.no_show": (_("记为爽约"), _("将预约记为爽约")),
    "booking.waitlist_join": (_("加入候补"), _("加入了候补")),
    "booking.waitlist_offer": (_("发出候补通知"), _("向候补者发出了名额通知")),
    "booking.waitlist_accept": (_("接受候补名额"), _("接受了候补名额")),
    "booking.waitlist_decline": (_("放弃候补名额"), _("放弃了候补名额")),
    "booking.suspend": (_("暂停预约"), _("暂停了预约资格")),
    "booking.lift": (_("解除暂停"), _("解除了预约暂停")),
    "booking.slots_generate": (_("生成场次"), _("按每周规则生成了场次")),
    "booking.slot_close": (_("停开场次"), _("停开了场次")),
    "booking.lecturer_request": (_("申请送教进校园"), _("申请了送教进校园")),
    "booking.lecturer_assign": (_("安排讲师"), _("安排了讲师")),
    "booking.lecturer_decline": (_("无法安排讲座"), _("答复无法安排讲座")),
    "booking.lecturer_cancel": (_("取消送教申请"), _("取消了送教进校园申请")),
    "booking.lecturer_report": (_("提交讲座报告"), _("提交了讲座报告")),
    "booking.export": (_("导出预约数据"), _("导出了预约数据")),
    "booking.purge_contacts": (_("清除过期联系信息"), _("清除了超过保存期限的预约联系信息")),
}


def register_actions(actions: LogActionRegistry) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
