"""The load, render and memory figures of the production report, against a running
``benchmarks.private_services.Stack`` (this process is set up against its database)."""

import statistics
import time
from pathlib import Path

from benchmarks.load import plan, runner
from benchmarks.private_services import RESULTS, rss_kib, worker_pids

OUT = RESULTS / "locust"
PUBLIC = ("home", "index", "article", "campaign", "drug fact", "event")
WARM_UP = 10
MAX_PAGE_VALUE = 999  # the largest ``page`` the page cache keys on


def make_plan(students: int, visitors: int) -> Path:
    import django

    django.setup()
    path = OUT / "plan.json"
    OUT.mkdir(parents=True, exist_ok=True)
    plan.build(path, students=students, visitors=visitors)
    return path


def load(stack, port: int, plan_path: Path, options) -> dict:
    """At each user count: the mix and the public pages alone, both with think time (the
    latencies readers meet), then the public pages alone and the constant view alone without
    think time (the throughput compared)."""
    host = f"http://127.0.0.1:{port}"
    common = {"seconds": options.seconds, "out": OUT, "cpus": options.client_cpus, "env": stack.env}
    # Untimed: every worker imports and renders once and the page cache fills, as on a
    # server that has been up for a while.
    runner.run(host, plan_path, "CachedReader", users=10, **{**common, "out": OUT / "warm-up"})
    figures = {}
    for users in options.users:
        mix = runner.run(host, plan_path, "MixVisitor", users=users, wait=options.think, **common)
        paced = {**common, "out": OUT / "paced", "wait": options.think}
        reading = runner.run(host, plan_path, "CachedReader", users=users, **paced)
        cached = runner.run(host, plan_path, "CachedReader", users=users, **common)
        constant = runner.run(host, plan_path, "ConstantReader", users=users, **common)
        figures[str(users)] = {
            "mix": mix,
            "mix_failures": runner.failures(OUT, "MixVisitor", users),
            "public_pages_paced": reading,
            "public_pages_saturated": cached,
            "constant_view_saturated": constant,
        }
    return figures


def targets(figures: dict) -> dict:
    """The report's targets, each with the figures it is judged on."""
    checks = {}
    low = min(figures, key=int)
    pages, constant = (
        figures[low][k]["all"] for k in ("public_pages_saturated", "constant_view_saturated")
    )
    share = pages["per_second"] / max(constant["per_second"], 0.1)
    checks["public pages ≥ 50% of constant view throughput"] = {
        "users": int(low),
        "share_pct": round(100 * share, 1),
        "pass": share >= 0.5,
    }
    for run, label in (("public_pages_paced", "reading only"), ("mix", "within the mix")):
        rows = figures[low][run]
        public_p99 = max(rows[k]["p99_ms"] or 0 for k in PUBLIC if k in rows)
        checks[f"cached public pages p99 < 100 ms ({label})"] = {
            "users": int(low),
            "worst_p99_ms": public_p99,
            "pass": public_p99 < 100,
        }
    high = max(figures, key=int)
    worst = max(
        (row["error_rate_pct"], name) for name, row in figures[high]["mix"].items() if name != "all"
    )
    checks["every endpoint error rate ≤ 0.1%"] = {
        "users": int(high),
        "worst_pct": worst[0],
        "endpoint": worst[1],
        "pass": worst[0] <= 0.1,
    }
    return checks


def render_time(runs: int) -> dict:
    """Server time of an article page that no page cache answers, rendered in this process
    (the whole middleware chain, the stack's database and Redis), for two readers:

    - ``anonymous_miss``: a reader the page cache serves, each time with a ``page`` value it
      has not seen (the article ignores it, the cache key holds it): a miss, rendered and
      stored, as after a publish or an expiry;
    - ``signed_in``: a signed-in visitor, whom the page cache never serves.
    """
    from django.contrib.auth import get_user_model
    from django.test import Client

    from education.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    user, _created = get_user_model().objects.get_or_create(username="bench-render")
    if runs + WARM_UP > MAX_PAGE_VALUE:
        raise SystemExit(f"--render-runs: at most {MAX_PAGE_VALUE - WARM_UP}")
    anonymous, signed_in = Client(SERVER_NAME="127.0.0.1"), Client(SERVER_NAME="127.0.0.1")
    signed_in.force_login(user)
    misses = iter(range(1, MAX_PAGE_VALUE + 1))
    readers = {
        "anonymous_miss": lambda: anonymous.get(article.url, {"page": next(misses)}),
        "signed_in": lambda: signed_in.get(article.url),
    }
    found = {
        name: {"url": article.url, **_timed(request, runs)} for name, request in readers.items()
    }
    # A hit (the same values asked within the entries' lifetime) would not be a render.
    found["anonymous_miss"]["pass"] &= found["anonymous_miss"]["x_cache_seen"] == ["miss"]
    return found


def _timed(request, runs: int) -> dict:
    headers = set()
    for _ in range(WARM_UP):
        response = request()
        assert response.status_code == 200, response.status_code
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - started) * 1000)
        headers.add(response.get("X-Cache", "-"))
    median = statistics.median(times)
    return {
        "runs": runs,
        "median_ms": round(median, 1),
        "p95_ms": round(statistics.quantiles(times, n=20)[-1], 1),
        "x_cache_seen": sorted(headers),
        "target_median_ms": 30,
        "pass": median <= 30,
    }


def memory(stack, port: int, server, plan_path: Path, options) -> dict:
    """RSS of every gunicorn worker after a warm-up and after ``options.memory_requests``
    requests of the mix."""
    host = f"http://127.0.0.1:{port}"
    common = {"out": OUT / "memory", "cpus": options.client_cpus, "env": stack.env, "seconds": 3600}
    runner.run(host, plan_path, "MixVisitor", users=20, max_requests=500, **common)
    pids = worker_pids(server.pid)
    before = {pid: rss_kib(pid) for pid in pids}
    started = time.perf_counter()
    mix = runner.run(
        host, plan_path, "MixVisitor", users=50, max_requests=options.memory_requests, **common
    )
    after_pids = worker_pids(server.pid)
    after = {pid: rss_kib(pid) for pid in after_pids}
    growth = [after[pid] - before[pid] for pid in pids if pid in after]
    return {
        "requests": mix["all"]["requests"],
        "seconds": round(time.perf_counter() - started),
        "workers": [
            {
                "pid": pid,
                "before_mib": round(before[pid] / 1024, 1),
                "after_mib": round(after.get(pid, 0) / 1024, 1),
                "growth_mib": round((after.get(pid, 0) - before[pid]) / 1024, 1),
            }
            for pid in pids
        ],
        "same_workers": pids == after_pids,
        "max_growth_mib": round(max(growth, default=0) / 1024, 1),
    }
