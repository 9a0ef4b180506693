"""Server time of the rate dashboards on generated load data, next to the naive aggregate
over attempts for the same figures, in the same run.

Usage (from the repository root, on PostgreSQL filled by the generator):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_bench_big
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py generate_rate_load        # 2,000 schools, 1M students, 2M attempts
    .venv/bin/python benchmarks/rate_dashboards.py [--runs 50] [--warmup 5] [--naive-runs 5]

Measured in-process (Django's test client: the full middleware stack, no network), after a
warm-up, as median and p95 wall time per request:

- the city admin view (Wagtail admin 「知晓率」), the dashboard of the district with the most
  schools and of the school with the largest roster, each signed in as the person it is for;
- the ``education.rate_figures`` functions behind them, called directly;
- the naive way to the same figures: ``COUNT(DISTINCT student)`` of participants and of
  students with a passing attempt, over the period's attempts grouped by district or school
  (the city), by school (the district) or by class (the school).

Before timing, the naive counts are compared with the kept counts (they must agree). The
personas it signs in as are created for the run and removed at the end. Prints a table, then
the same figures as JSON.
"""

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
# Production-like rendering: no debug machinery, plain HTTP on the test client.
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

PERSONA_PREFIX = "loadbench-"


def timed(call: Callable[[], object], runs: int, warmup: int) -> dict:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(statistics.quantiles(times, n=20)[-1] if runs > 1 else times[0], 2),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--naive-runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from education.models import Period
    from education.rate_load import PREFIX

    period = Period.objects.filter(name__startswith=PREFIX).first()
    if period is None:
        sys.exit("没有压测数据：先运行 manage.py generate_rate_load。")
    load_before = os.getloadavg()
    subjects = choose_subjects(period)
    personas = make_personas(subjects)
    try:
        check_naive_agrees(period, subjects)
        rows = measure(period, subjects, personas, args)
    finally:
        remove_personas()
    print(f"load average before: {load_before}  after: {os.getloadavg()} ({os.cpu_count()} CPUs)")
    print(
        f"database: {connection.vendor}  period: {period}  district: {subjects['district']} "
        f"({subjects['district_schools']} schools)  school: {subjects['school']} "
        f"({subjects['school'].roster_size} students)"
    )
    print(f"{'measured':<44} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'runs':>5}")
    for name, row in rows.items():
        queries = row.get("queries", "")
        print(
            f"{name:<44} {row['median_ms']:>10.2f} {row['p95_ms']:>8.2f} "
            f"{queries!s:>8} {row['runs']:>5}"
        )
    print(json.dumps(rows, ensure_ascii=False, indent=2))


def choose_subjects(period) -> dict:
    """The generated district with the most schools and the school with the largest roster."""
    from django.db.models import Count

    from education.models import District, School
    from education.rate_load import PREFIX

    district = (
        District.objects.filter(name__startswith=PREFIX)
        .annotate(n=Count("schools"))
        .order_by("-n", "pk")
        .first()
    )
    school = School.objects.filter(district__name__startswith=PREFIX).order_by(
        "-roster_size", "pk"
    )[0]
    return {"district": district, "district_schools": district.n, "school": school}


def make_personas(subjects: dict) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from education.models import Coordinator, DistrictOfficer

    users = get_user_model().objects
    city = users.create_user(f"{PERSONA_PREFIX}city", is_staff=True)
    group, _created = Group.objects.get_or_create(name="市禁毒办")
    group.permissions.add(
        Permission.objects.get(codename="view_city_rates"),
        Permission.objects.get(codename="access_admin"),
    )
    city.groups.add(group)
    officer = users.create_user(f"{PERSONA_PREFIX}officer")
    DistrictOfficer.objects.create(user=officer, district=subjects["district"])
    coordinator = users.create_user(f"{PERSONA_PREFIX}coordinator")
    Coordinator.objects.create(
        user=coordinator, school=subjects["school"], status=Coordinator.Status.APPROVED
    )
    return {"city": city, "officer": officer, "coordinator": coordinator}


def remove_personas() -> None:
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username__startswith=PERSONA_PREFIX).delete()


def naive_counts(period, group: str, **filters) -> dict:
    """Participants and passes per ``group``, counted over the attempts themselves."""
    from django.db.models import Count, Q

    from education.rate_counts import counted_attempts

    rows = (
        counted_attempts()
        .filter(period=period, student__active=True, **filters)
        .order_by()
        .values(group)
        .annotate(
            participants=Count("student", distinct=True),
            passed=Count("student", distinct=True, filter=Q(passed=True)),
        )
    )
    return {row[group]: (row["participants"], row["passed"]) for row in rows}


def check_naive_agrees(period, subjects: dict) -> None:
    from education import rate_figures

    school = subjects["school"]
    naive = naive_counts(period, "student__school_class", school=school)
    for school_class, figures in rate_figures.class_figures(school, period):
        found = naive.get(school_class.pk, (0, 0))
        assert found == (figures.participants, figures.passed), (school_class, found, figures)
    naive = naive_counts(period, "school__district")
    for district, figures in rate_figures.city_district_figures(period):
        found = naive.get(district.pk, (0, 0))
        assert found == (figures.participants, figures.passed), (district, found, figures)
    naive = naive_counts(period, "school", school__district=subjects["district"])
    for school, figures in rate_figures.district_school_figures(subjects["district"], period):
        found = naive.get(school.pk, (0, 0))
        assert found == (figures.participants, figures.passed), (school, found, figures)


def measure(period, subjects: dict, personas: dict, args) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from education import rate_figures

    school, district = subjects["school"], subjects["district"]
    query = f"?period={period.pk}"
    views = {
        "view: city admin (Wagtail 知晓率)": (personas["city"], reverse("city_rates:index")),
        "view: district dashboard": (
            personas["officer"],
            reverse("district_dashboard", args=[district.pk]),
        ),
        "view: school dashboard": (
            personas["coordinator"],
            reverse("school_dashboard", args=[school.pk]),
        ),
    }
    rows = {}
    for name, (user, url) in views.items():
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        address = url + query
        response = client.get(address)
        assert response.status_code == 200, (name, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(address)
        queries = len(captured)  # read now: each request clears the connection's query log
        rows[name] = {
            **timed(partial(client.get, address), args.runs, args.warmup),
            "queries": queries,
        }
    calls = {
        "rate_figures.school_figures": lambda: rate_figures.school_figures(school, period),
        "rate_figures.class_figures": lambda: rate_figures.class_figures(school, period),
        "rate_figures.students_not_passed": lambda: rate_figures.students_not_passed(
            school, period
        ),
        "rate_figures.district_school_figures": lambda: rate_figures.district_school_figures(
            district, period
        ),
        "rate_figures.city_district_figures": lambda: rate_figures.city_district_figures(period),
        "rate_figures.city_figures": lambda: rate_figures.city_figures(period),
        "rate_figures.timeline (city)": lambda: rate_figures.timeline(period),
        "rate_figures.timeline (district)": lambda: rate_figures.timeline(period, district),
    }
    for name, call in calls.items():
        rows[name] = timed(call, args.runs, args.warmup)
    naive = {
        "naive: city, by district over attempts": lambda: naive_counts(period, "school__district"),
        "naive: city, by school over attempts": lambda: naive_counts(period, "school"),
        "naive: district, by school over attempts": lambda: naive_counts(
            period, "school", school__district=district
        ),
        "naive: school, by class over attempts": lambda: naive_counts(
            period, "student__school_class", school=school
        ),
    }
    for name, call in naive.items():
        rows[name] = timed(call, args.naive_runs, 1)
    return rows


if __name__ == "__main__":
    main()
