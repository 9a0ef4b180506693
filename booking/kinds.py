"""The messages booking sends through the WeChat outbox (email when the person follows no
account). Registered in AppConfig.ready(). Every context carries ``url``, the page the
message links to; ``time`` values are datetimes, formatted by the outbox."""

from django.utils.translation import gettext_lazy as _

from wechat import kinds

RECEIVED = "booking.received"
CONFIRMED = "booking.confirmed"
REFUSED = "booking.refused"
CANCELLED = "booking.cancelled"
REMINDER = "booking.reminder"
WAITLIST_OFFER = "booking.waitlist_offer"
SUSPENDED = "booking.suspended"
LECTURER_SCHEDULED = "booking.lecturer_scheduled"
LECTURER_ASSIGNED = "booking.lecturer_assigned"
LECTURER_DECLINED = "booking.lecturer_declined"
LECTURER_CANCELLED = "booking.lecturer_cancelled"

_VISIT = {
    "venue": "市禁毒教育基地",
    "time": "2026年12月8日 09:00",
    "code": "7KQ3MZ2P",
    "who": "东城区实验小学",
    "headcount": 48,
    "url": "/visit/booking/7KQ3MZ2P/",
}


def _kind(key, label, fields, subject, body, sample=_VISIT) -> kinds.Kind:
    return kinds.Kind(
        key=key,
        label=label,
        fields=fields,
        email_subject=subject,
        email_body=body,
        sample=sample,
        url="{url}",
    )


def register_kinds() -> None:
    for kind in _visit_kinds() + _lecturer_kinds():
        kinds.register(kind)


def _visit_kinds() -> list[kinds.Kind]:
    visit = (
        ("thing1", _("参观场馆"), "{venue}"),
        ("time2", _("参观时间"), "{time}"),
        ("character_string3", _("预约码"), "{code}"),
        ("number4", _("人数"), "{headcount}"),
    )
    return [
        _kind(
            RECEIVED,
            _("预约已提交，待审核"),
            visit,
            _("预约已提交：{venue} {time}"),
            _(
                "{who}预约参观{venue}（{time}，{headcount}人）已提交，预约码 {code}。"
                "工作人员审核后会再通知您，审核期间名额为您保留。"
            ),
        ),
        _kind(
            CONFIRMED,
            _("预约成功"),
            visit,
            _("预约成功：{venue} {time}"),
            _(
                "{who}预约参观{venue}成功：{time}，{headcount}人，预约码 {code}。"
                "请凭预约码或二维码在入口签到。"
            ),
        ),
        _kind(
            REFUSED,
            _("预约未通过"),
            (
                ("thing1", _("参观场馆"), "{venue}"),
                ("time2", _("参观时间"), "{time}"),
                ("thing3", _("原因"), "{reason}"),
            ),
            _("预约未通过：{venue} {time}"),
            _("{who}预约参观{venue}（{time}）未通过：{reason}。名额已释放，欢迎改约其他场次。"),
            {**_VISIT, "reason": "当天已安排其他活动"},
        ),
        _kind(
            CANCELLED,
            _("预约已取消"),
            (
                ("thing1", _("参观场馆"), "{venue}"),
                ("time2", _("参观时间"), "{time}"),
                ("character_string3", _("预约码"), "{code}"),
                ("thing4", _("原因"), "{reason}"),
            ),
            _("预约已取消：{venue} {time}"),
            _("{who}预约参观{venue}（{time}，预约码 {code}）已取消：{reason}。"),
            {**_VISIT, "reason": "预约人取消"},
        ),
        _kind(
            REMINDER,
            _("参观提醒"),
            visit,
            _("明天参观：{venue} {time}"),
            _(
                "提醒：{who}明天参观{venue}，{time}，{headcount}人，预约码 {code}。"
                "请提前到达，凭预约码或二维码签到；如不能前来，请及时取消。"
            ),
        ),
        _kind(
            WAITLIST_OFFER,
            _("候补名额通知"),
            (
                ("thing1", _("参观场馆"), "{venue}"),
                ("time2", _("参观时间"), "{time}"),
                ("number3", _("人数"), "{headcount}"),
                ("time4", _("确认期限"), "{expires}"),
            ),
            _("候补到名额：{venue} {time}"),
            _(
                "您候补的{venue}（{time}，{headcount}人）有名额了，名额为您保留到 {expires}。"
                "请在此之前打开链接确认或放弃。"
            ),
            {**_VISIT, "expires": "2026年12月6日 21:00", "url": "/visit/waitlist/abc/"},
        ),
        _kind(
            SUSPENDED,
            _("暂停预约通知"),
            (
                ("thing1", _("对象"), "{who}"),
                ("time2", _("暂停至"), "{until}"),
                ("thing3", _("原因"), "{reason}"),
            ),
            _("暂停预约至 {until}"),
            _("{who}因{reason}，暂停预约参观至 {until}。如有疑问请联系基地。"),
            {
                "who": "东城区实验小学",
                "until": "2027年1月7日 09:00",
                "reason": "90天内爽约3次",
                "url": "/visit/my/",
            },
        ),
    ]


def _lecturer_kinds() -> list[kinds.Kind]:
    talk = (
        ("thing1", _("讲座主题"), "{topic}"),
        ("thing2", _("学校"), "{school}"),
        ("time3", _("讲座时间"), "{time}"),
        ("thing4", _("讲师"), "{lecturer}"),
    )
    sample = {
        "topic": "远离新型毒品",
        "time": "2026年12月10日 14:30",
        "school": "东城区实验小学",
        "lecturer": "王警官",
        "place": "学校礼堂",
        "url": "/visit/lecturers/1/",
    }
    return [
        _kind(
            LECTURER_SCHEDULED,
            _("送教进校园已安排"),
            talk,
            _("送教进校园已安排：{time}"),
            _("贵校申请的“{topic}”讲座已安排：{time}，{place}，讲师{lecturer}。"),
            sample,
        ),
        _kind(
            LECTURER_ASSIGNED,
            _("送教进校园任务"),
            talk,
            _("讲座任务：{school} {time}"),
            _("请于 {time} 到{school}（{place}）主讲“{topic}”。活动结束后请提交简要报告。"),
            sample,
        ),
        _kind(
            LECTURER_DECLINED,
            _("送教进校园未能安排"),
            (
                ("thing1", _("讲座主题"), "{topic}"),
                ("thing2", _("学校"), "{school}"),
                ("thing3", _("原因"), "{reason}"),
            ),
            _("送教进校园申请未能安排：{topic}"),
            _("贵校申请的“{topic}”讲座暂时无法安排：{reason}。您可以调整日期后重新申请。"),
            {**sample, "reason": "所选日期讲师均已有安排"},
        ),
        _kind(
            LECTURER_CANCELLED,
            _("送教进校园已取消"),
            talk,
            _("讲座取消：{school} {time}"),
            _("{school}已取消 {time} 的“{topic}”讲座，无需前往。"),
            sample,
        ),
    ]
