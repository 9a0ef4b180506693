"""The pages where a school's approved coordinators, and the district officers and city admins
over them, keep its classes and roster: classes and their codes, the printable join sheet,
the roster, and the roster import with its preview. Scoped by ``education.access``: a school
outside the user's roles is a 404."""

import copy

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from education.access import school_or_404
from education.models import School, Student
from education.roster_files import RosterFileError
from education.roster_forms import (
    RenameClassForm,
    RosterFilterForm,
    RosterUploadForm,
    SchoolClassForm,
)
from education.roster_import import (
    ERROR,
    NEW,
    UPDATED,
    RosterImportRefused,
    commit_import,
    review_import,
    upload_roster,
)
from education.roster_templates import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    template_csv,
    template_workbook,
)
from education.school_classes import ClassRefused, delete_class, save_class
from education.student_status import set_active

STUDENTS_PER_PAGE = 50
REPORT_ROWS_PER_PAGE = 100
RECENT_IMPORTS = 10
UPLOAD_RATE = "20/h"
REPORT_VIEWS = {
    "problems": lambda row: row.status == ERROR,
    "changes": lambda row: row.status in (NEW, UPDATED),
    "all": lambda row: True,
}


# Classes


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def school_classes(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    form = SchoolClassForm(request.POST or None, school=school)
    if request.method == "POST" and _saved(request, form):
        school_class = form.instance
        messages.success(
            request,
            _("已添加%(class)s，班级码 %(code)s。")
            % {"class": school_class, "code": school_class.code},
        )
        return redirect("school_classes", school.pk)
    classes = school.classes.all()
    return _page(
        request,
        "education/roster/classes.html",
        {"school": school, "classes": classes, "form": form},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def school_class_edit(request: HttpRequest, school_id: int, class_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    school_class = get_object_or_404(school.classes, pk=class_id)
    # The form works on a copy: a refused name must not show up as the class's own.
    renamed = copy.copy(school_class)
    form = RenameClassForm(request.POST or None, instance=renamed, school=school)
    if request.method == "POST" and _saved(request, form):
        messages.success(request, _("已改名为%(class)s。") % {"class": renamed})
        return redirect("school_classes", school.pk)
    return _page(
        request,
        "education/roster/class_edit.html",
        {
            "school": school,
            "school_class": school_class,
            "form": form,
            "has_students": school_class.students.exists(),
        },
    )


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    # Whoever passed school_or_404 has a school role: spare the menu's query for it.
    return render(request, template, {"has_school_role": True, **context}, status=status)


def _saved(request: HttpRequest, form: SchoolClassForm) -> bool:
    if not form.is_valid():
        return False
    try:
        save_class(form, by=request.user)
    except ClassRefused as refusal:
        form.add_error("name", refusal.message)
        return False
    return True


@login_required
@require_POST
def school_class_delete(request: HttpRequest, school_id: int, class_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    school_class = get_object_or_404(school.classes, pk=class_id)
    label = str(school_class)
    try:
        delete_class(school_class, by=request.user)
    except ClassRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("school_class_edit", school.pk, class_id)
    messages.success(request, _("已删除%(class)s。") % {"class": label})
    return redirect("school_classes", school.pk)


@login_required
@require_safe
def school_join_sheet(request: HttpRequest, school_id: int) -> HttpResponse:
    """A page to print and put up in classrooms: the school's join link as a QR code, and
    each class's code."""
    school = school_or_404(request.user, school_id)
    join_url = request.build_absolute_uri(reverse("join_school", args=[school.join_token]))
    qr = segno.make(join_url, error="m").svg_inline(scale=4, border=2, omitsize=True)
    return _page(
        request,
        "education/roster/join_sheet.html",
        {
            "school": school,
            "classes": school.classes.all(),
            "join_url": join_url,
            "code_url": request.build_absolute_uri(reverse("join_by_code")),
            "qr_svg": mark_safe(qr),  # noqa: S308 -- drawn by segno from our own URL
        },
    )


# Roster


@login_required
@require_safe
def school_roster(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    classes = list(school.classes.all())
    filters = RosterFilterForm(request.GET, classes=classes)
    students = Paginator(_filtered(school, filters), STUDENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return _page(
        request,
        "education/roster/roster.html",
        {
            "school": school,
            "classes": classes,
            "filters": filters,
            "students": students,
            "query": f"{query.urlencode()}&" if query else "",
        },
    )


def _filtered(school: School, filters: RosterFilterForm) -> QuerySet[Student]:
    chosen = filters.cleaned_data if filters.is_valid() else {}
    students = school.students.select_related("school_class")
    status = chosen.get("status") or RosterFilterForm.ACTIVE
    if status != RosterFilterForm.ALL:
        students = students.filter(active=status == RosterFilterForm.ACTIVE)
    if chosen.get("school_class"):
        students = students.filter(school_class_id=chosen["school_class"])
    if chosen.get("q"):
        students = students.filter(
            Q(name__icontains=chosen["q"]) | Q(number__icontains=chosen["q"])
        )
    return students


@login_required
@require_POST
def school_student_status(request: HttpRequest, school_id: int, student_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    student = get_object_or_404(school.students, pk=student_id)
    active = request.POST.get("active") == "1"
    if set_active(student, active, by=request.user):
        message = _("已恢复%(student)s在册。") if active else _("已停用%(student)s。")
        messages.success(request, message % {"student": student})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(back)
    return redirect("school_roster", school.pk)


# Import


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="user", rate=UPLOAD_RATE, method="POST", block=False)
def roster_upload(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    form = RosterUploadForm()
    status = 200
    if request.method == "POST":
        form = RosterUploadForm(request.POST, request.FILES)
        if request.limited:
            form.add_error(None, _("上传太频繁，请稍后再试。"))
            status = 429
        elif form.is_valid():
            try:
                roster_import = upload_roster(
                    school,
                    form.cleaned_data["file"],
                    by=request.user,
                    deactivate_missing=form.cleaned_data["deactivate_missing"],
                )
            except RosterFileError as refusal:
                form.add_error("file", refusal.message)
            else:
                return redirect("school_roster_preview", school.pk, roster_import.pk)
    imports = school.roster_imports.select_related("uploaded_by", "committed_by").defer(
        "rows", "report"
    )[:RECENT_IMPORTS]
    return _page(
        request,
        "education/roster/upload.html",
        {"school": school, "form": form, "imports": imports},
        status=status,
    )


@login_required
@require_safe
def roster_preview(request: HttpRequest, school_id: int, import_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    roster_import = get_object_or_404(
        school.roster_imports.select_related("uploaded_by", "committed_by"), pk=import_id
    )
    report = review_import(roster_import)
    shown = request.GET.get("show")
    if shown not in REPORT_VIEWS:
        shown = "problems" if report.has_errors else "changes"
    rows = [row for row in report.rows if REPORT_VIEWS[shown](row)]
    return _page(
        request,
        "education/roster/preview.html",
        {
            "school": school,
            "roster_import": roster_import,
            "report": report,
            "shown": shown,
            "rows": Paginator(rows, REPORT_ROWS_PER_PAGE).get_page(request.GET.get("page")),
            "query": f"show={shown}&",
        },
    )


@login_required
@require_POST
def roster_commit(request: HttpRequest, school_id: int, import_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    roster_import = get_object_or_404(school.roster_imports.defer("rows", "report"), pk=import_id)
    try:
        report = commit_import(roster_import, by=request.user)
    except RosterImportRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("名册已导入：新增 %(new)d 人，更新 %(updated)d 人，停用 %(deactivated)d 人。")
            % {**report.counts, "deactivated": report.deactivated},
        )
    return redirect("school_roster_preview", school.pk, roster_import.pk)


@login_required
@require_safe
def roster_template_xlsx(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    filename = _("%(school)s-花名册模板.xlsx") % {"school": school.name}
    return _download(template_workbook(school), XLSX_CONTENT_TYPE, filename)


@login_required
@require_safe
def roster_template_csv(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request.user, school_id)
    filename = _("%(school)s-花名册模板.csv") % {"school": school.name}
    return _download(template_csv(school), CSV_CONTENT_TYPE, filename)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
