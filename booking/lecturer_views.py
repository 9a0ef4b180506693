"""The lecturer request pages (送教进校园) of coordinators and lecturers: their requests and
talks, the request form, a request's page (cancel), and the lecturer's report after a talk.
Staff assign and decline in the admin (booking/lecturer_admin.py)."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from booking import lecturer_requests
from booking.access import visible_lecturer_requests
from booking.errors import BookingError
from booking.lecturer_forms import LecturerRequestForm, ReportForm
from booking.models import LecturerRequest
from education.access import coordinated_schools

# A school asks for a few talks a term; more in an hour is a script or a mistake.
REQUEST_RATE = "10/h"
ACTION_RATE = "30/h"
TOO_MANY = gettext_lazy("提交过于频繁，请稍后再试。")
# Closed requests and past talks listed under the open ones.
RECENT_CLOSED = 20

Status = LecturerRequest.Status


@login_required
@require_http_methods(["GET", "HEAD"])
def lecturer_requests_page(request: HttpRequest) -> HttpResponse:
    visible = visible_lecturer_requests(request.user).select_related("school", "lecturer")
    schools = list(coordinated_schools(request.user).order_by("name"))
    talks = visible.filter(lecturer__user=request.user).order_by("-starts_at")
    context = {
        "heading": _("送教进校园"),
        "schools": schools,
        "several_schools": len(schools) > 1,
        "school_requests": _open_and_recent(visible.filter(school__in=schools)),
        "talks": _open_and_recent(talks, soonest_first=True),
        "is_manager": lecturer_requests.is_lecturer_manager(request.user),
    }
    return render(request, "booking/lecturers/lecturer_request_list.html", context)


def _open_and_recent(requests: QuerySet[LecturerRequest], *, soonest_first=False) -> dict:
    """Open requests (a lecturer's coming talks soonest first), then the latest closed."""
    waiting = requests.filter(status__in=lecturer_requests.OPEN)
    return {
        "open": list(waiting.order_by("starts_at") if soonest_first else waiting),
        "closed": list(requests.exclude(status__in=lecturer_requests.OPEN)[:RECENT_CLOSED]),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="user_or_ip", rate=REQUEST_RATE, method="POST", block=False)
def new_request(request: HttpRequest) -> HttpResponse:
    schools = coordinated_schools(request.user)
    if not schools.exists():
        messages.info(request, _("只有学校联络员可以申请送教进校园，请先申请成为学校联络员。"))
        return redirect("my_roles")
    form = LecturerRequestForm(schools, request.POST if request.method == "POST" else None)
    talk, status = _submit(
        request, form, lambda data: lecturer_requests.request_talk(by=request.user, **data)
    )
    if talk:
        messages.success(request, _("申请已提交，市禁毒办安排讲师后会通过微信或邮件通知您。"))
        return redirect("booking:lecturer_request", talk.pk)
    context = {"heading": _("申请禁毒讲座"), "form": form}
    return render(request, "booking/lecturers/lecturer_request_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _talk_or_404(request, pk))


@login_required
@require_POST
@ratelimit(key="user_or_ip", rate=ACTION_RATE, method="POST", block=False)
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    talk = _talk_or_404(request, pk)
    if request.limited:
        messages.error(request, TOO_MANY)
        return _detail(request, talk, status=429)
    was_scheduled = talk.status == Status.SCHEDULED
    try:
        lecturer_requests.cancel_request(talk, by=request.user)
    except BookingError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("申请已取消。"))
        if was_scheduled:
            messages.info(
                request,
                _("已通知讲师%(name)s讲座取消；如临近讲座时间，请再电话告知（%(phone)s）。")
                % {"name": talk.lecturer.name, "phone": talk.lecturer.phone},
            )
    return redirect("booking:lecturer_request", talk.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="user_or_ip", rate=ACTION_RATE, method="POST", block=False)
def report(request: HttpRequest, pk: int) -> HttpResponse:
    talk = _talk_or_404(request, pk)
    refusal = lecturer_requests.report_refusal(talk, request.user, timezone.now())
    if refusal:
        messages.error(request, refusal)
        return redirect("booking:lecturer_request", talk.pk)
    posted = request.method == "POST"
    form = ReportForm(request.POST if posted else None, request.FILES if posted else None)
    done, status = _submit(
        request, form, lambda data: lecturer_requests.report_talk(talk, by=request.user, **data)
    )
    if done:
        messages.success(request, _("讲座报告已提交，谢谢！"))
        return redirect("booking:lecturer_request", talk.pk)
    context = {"heading": _("提交活动报告"), "talk": talk, "form": form}
    return render(request, "booking/lecturers/lecturer_report_form.html", context, status=status)


def _submit(
    request: HttpRequest, form: forms.Form, act: Callable[[dict], LecturerRequest]
) -> tuple[LecturerRequest | None, int]:
    """On a POST within the rate limit with valid input, the result of ``act`` on the
    form's data, else None; a refusal of the service becomes the form's error. Returns the
    status to answer with when there is no result."""
    if request.method != "POST":
        return None, 200
    if request.limited:
        messages.error(request, TOO_MANY)
        return None, 429
    if not form.is_valid():
        return None, 200
    try:
        return act(form.cleaned_data), 200
    except BookingError as refusal:
        form.add_error(None, refusal.message)
        return None, 200


def _talk_or_404(request: HttpRequest, pk: int) -> LecturerRequest:
    talk = (
        visible_lecturer_requests(request.user)
        .select_related("school__district", "lecturer__user", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if talk is None:
        raise Http404
    return talk


def _photos(talk: LecturerRequest) -> QuerySet | tuple:
    if talk.status != Status.DONE:
        return ()
    return talk.photos.select_related("image").prefetch_related("image__renditions")


def _detail(request: HttpRequest, talk: LecturerRequest, *, status: int = 200) -> HttpResponse:
    now = timezone.now()
    context = {
        "heading": talk.topic,
        "talk": talk,
        "ends_at": lecturer_requests.ends_at(talk),
        "choices": lecturer_requests.choices(talk),
        "photos": _photos(talk),
        "may_cancel": lecturer_requests.cancel_refusal(talk, request.user, now) is None,
        "may_report": lecturer_requests.report_refusal(talk, request.user, now) is None,
    }
    return render(request, "booking/lecturers/lecturer_request.html", context, status=status)
