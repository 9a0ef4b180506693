"""The school roles pages: "my schools" (a user's schools, districts and requests, and the
request form) and a district's approval page for its officers and the city admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from education import roles
from education.access import district_or_404
from education.models import District
from education.role_forms import CoordinatorRequestForm, DecisionForm, DistrictForm

# A teacher asks for a school or two; more than this in an hour is a script or a mistake.
REQUEST_RATE = "10/h"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="user", rate=REQUEST_RATE, method="POST", block=False)
def my_roles(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    district_form = DistrictForm(data if "district" in data else None)
    district = district_form.cleaned_data["district"] if district_form.is_valid() else None
    request_form = CoordinatorRequestForm(district) if district else None
    status = 200
    if request.method == "POST":
        if request.limited:
            messages.error(request, _("申请过于频繁，请一小时后再试。"))
            status = 429
        elif district is None:
            messages.error(request, _("请先选择学校所在区县。"))
        else:
            request_form = CoordinatorRequestForm(district, request.POST)
            if _request_role(request, request_form):
                return redirect("my_roles")
    mine = roles.my_roles(request.user)
    context = {
        "roles": mine,
        "has_school_role": bool(mine),
        "district_form": district_form,
        "district": district,
        "request_form": request_form,
    }
    return render(request, "education/roles/my_roles.html", context, status=status)


def _request_role(request: HttpRequest, form: CoordinatorRequestForm) -> bool:
    if not form.is_valid():
        return False
    school = form.cleaned_data["school"]
    try:
        roles.request_role(request.user, school, form.cleaned_data["title"])
    except roles.RoleError as refusal:
        form.add_error(None, refusal.message)
        return False
    messages.success(
        request,
        _("已提交%(school)s的学校联络员申请，区禁毒办审核后会通过微信或邮件通知您。")
        % {"school": school},
    )
    return True


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def district_coordinators(request: HttpRequest, district_id: int) -> HttpResponse:
    district = district_or_404(request.user, district_id)
    if request.method == "POST":
        _decide(request, district)
        return redirect("district_coordinators", district.pk)
    pending, approved = roles.district_roles(district)
    context = {
        "district": district,
        "pending": pending,
        "approved": approved,
        "has_school_role": True,  # an officer of the district, or the city
    }
    return render(request, "education/roles/district_coordinators.html", context)


def _decide(request: HttpRequest, district: District) -> None:
    form = DecisionForm(district, request.POST)
    if not form.is_valid():
        messages.error(request, _("找不到该申请，可能已被处理，请刷新页面后重试。"))
        return
    try:
        notice = roles.decide(form.cleaned_data["role"], request.user, form.cleaned_data["action"])
    except roles.RoleError as refusal:
        messages.error(request, refusal.message)
        return
    messages.success(request, notice)
