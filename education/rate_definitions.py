"""What the rate figures mean, as the dashboards' 「指标说明」 box and the exports' notes
say it."""

from django.utils.translation import gettext_lazy as _

DEFINITIONS = [
    (_("知晓率"), _("本周期最好成绩达到及格线的在册学生数 ÷ 在册学生数")),
    (_("参与率"), _("有答题记录的在册学生数 ÷ 在册学生数")),
    (_("及格率"), _("达标人数 ÷ 参与人数")),
    (_("平均分"), _("参与学生最好成绩的平均值")),
]
DECLARED_NOTE = _("未导入花名册的学校以申报在校生数为分母（标注“申报”）；任何比率不超过 100%。")
