"""The coordinator's school dashboard and the district officer's dashboard, with their XLSX
exports. Scoped by ``education.access``: a school or district outside the user's roles is a
404."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.log_actions import log

from education import rate_exports
from education.access import district_or_404, school_or_404, visible_districts
from education.models import District, School
from education.period_choice import PeriodChoice, choose_period
from education.rate_reports import district_report, school_report, site_target

Subject = School | District


def _chosen_report(
    request: HttpRequest, subject: Subject, report_for: Callable
) -> tuple[PeriodChoice, object | None]:
    """The period asked for (or the current one) and the subject's report for it."""
    choice = choose_period(request)
    if choice.period is None:
        return choice, None
    return choice, report_for(subject, choice.period, site_target(request))


def _dashboard(
    request: HttpRequest, subject: Subject, report_for: Callable, template: str, **context
) -> HttpResponse:
    choice, report = _chosen_report(request, subject, report_for)
    return render(request, template, {"choice": choice, "report": report, **context})


@login_required
@require_safe
def school_dashboard(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    # An officer reaches the school from the district's dashboard: link back to it.
    visible = visible_districts(request.user).filter(pk=school.district_id).exists()
    return _dashboard(
        request,
        school,
        school_report,
        "education/dashboards/school.html",
        school=school,
        district_visible=visible,
    )


@login_required
@require_safe
def district_dashboard(request: HttpRequest, district_id: int) -> HttpResponse:
    district = district_or_404(request.user, district_id)
    return _dashboard(
        request, district, district_report, "education/dashboards/district.html", district=district
    )


def _export(
    request: HttpRequest,
    subject: Subject,
    report_for: Callable,
    workbook_for: Callable,
    dashboard: str,
) -> HttpResponse:
    choice, report = _chosen_report(request, subject, report_for)
    if report is None:
        messages.error(request, _("尚未设置统计周期，暂无数据可导出。"))
        return redirect(dashboard, subject.pk)
    filename = _("%(name)s-%(period)s-知晓率.xlsx") % {"name": subject, "period": choice.period}
    log(subject, "education.export", user=request.user, data=_export_data(choice, report))
    return rate_exports.xlsx_response(workbook_for(report), filename)


def _export_data(choice, report) -> dict:
    """What the audit trail keeps of an export: the period, and the students it names."""
    students = sum(len(rows) for _class, rows in getattr(report, "not_passed", []))
    return {"period": choice.period.pk, "students": students}


@login_required
@require_safe
def school_export(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    return _export(request, school, school_report, rate_exports.school_workbook, "school_dashboard")


@login_required
@require_safe
def district_export(request: HttpRequest, district_id: int) -> HttpResponse:
    district = district_or_404(request.user, district_id)
    return _export(
        request, district, district_report, rate_exports.district_workbook, "district_dashboard"
    )
