"""The messages the school roles send through the WeChat outbox: a teacher's request to the
district's officers, and the decision on it to the teacher. Registered in AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from wechat import kinds

COORDINATOR_REQUEST = "education.coordinator_request"
COORDINATOR_DECISION = "education.coordinator_decision"


def register_kinds() -> None:
    kinds.register(
        kinds.Kind(
            key=COORDINATOR_REQUEST,
            label=_("学校联络员申请"),
            fields=(
                ("thing1", _("学校"), "{school}"),
                ("thing2", _("申请人"), "{teacher}"),
                ("thing3", _("职务"), "{title}"),
                ("time4", _("申请时间"), "{time}"),
            ),
            email_subject=_("学校联络员申请：{school}"),
            email_body=_(
                "{teacher}（{title}）申请成为{district}{school}的学校联络员，申请时间 {time}。"
                "请登录平台审核。"
            ),
            sample={
                "school": "东城区实验小学",
                "district": "东城区",
                "teacher": "张老师",
                "title": "德育处主任",
                "time": "2026年9月1日 09:00",
                "url": "/district/1/coordinators/",
            },
            url="{url}",
        )
    )
    kinds.register(
        kinds.Kind(
            key=COORDINATOR_DECISION,
            label=_("学校联络员审核结果"),
            fields=(
                ("thing1", _("学校"), "{school}"),
                ("phrase2", _("审核结果"), "{outcome}"),
                ("time3", _("审核时间"), "{time}"),
            ),
            email_subject=_("学校联络员审核结果：{outcome}"),
            email_body=_("您在{school}的学校联络员资格：{outcome}（{time}）。"),
            sample={
                "school": "东城区实验小学",
                "outcome": "已批准",
                "time": "2026年9月2日 10:30",
                "url": "/my/",
            },
            url="{url}",
        )
    )
