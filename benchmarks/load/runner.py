"""Run Locust headless on ``locustfile.py`` and read back its figures per endpoint.

The load generator is pinned to its own CPUs (``cpus``), apart from the server's, so that
neither steals the other's core in the middle of a measurement."""

import csv
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCUST = ROOT / ".venv" / "bin" / "locust"
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def run(
    host: str,
    plan: Path,
    user_class: str,
    *,
    users: int,
    seconds: int,
    out: Path,
    wait: tuple[float, float] = (0, 0),
    max_requests: int = 0,
    cpus: str | None = None,
    env: dict | None = None,
) -> dict:
    """One Locust run; the figures per endpoint (name) plus "all" for the whole run."""
    out.mkdir(parents=True, exist_ok=True)
    prefix = out / f"{user_class}-{users}"
    tallies = prefix.with_suffix(".xcache.json")
    command = [
        str(LOCUST),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(max(users // 2, 1)),
        "-t",
        f"{seconds}s",
        "--host",
        host,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--loglevel",
        "WARNING",
        user_class,
    ]
    if cpus:
        command = ["taskset", "-c", cpus, *command]
    environment = {
        **(env or {}),
        "BENCH_PLAN": str(plan),
        "BENCH_OUT": str(tallies),
        "BENCH_WAIT": f"{wait[0]},{wait[1]}",
        "BENCH_MAX_REQUESTS": str(max_requests),
    }
    with open(prefix.with_suffix(".log"), "w") as log:
        # Locust exits 1 when any request failed: the failures are in its figures.
        subprocess.run(
            command,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=seconds + 120,
            check=False,
        )
    figures = read_stats(Path(f"{prefix}_stats.csv"))
    cache = json.loads(tallies.read_text()) if tallies.exists() else {}
    for name, counts in cache.items():
        if name in figures:
            figures[name]["x_cache"] = counts
    return figures


def read_stats(path: Path) -> dict:
    figures = {}
    with path.open(newline="") as stats:
        for row in csv.DictReader(stats):
            count = int(row["Request Count"])
            failures = int(row["Failure Count"])
            name = "all" if row["Name"] == "Aggregated" else row["Name"]
            figures[name] = {
                "requests": count,
                "failures": failures,
                "error_rate_pct": round(100 * failures / count, 3) if count else 0.0,
                "per_second": round(float(row["Requests/s"]), 1),
                "p50_ms": _number(row["50%"]),
                "p95_ms": _number(row["95%"]),
                "p99_ms": _number(row["99%"]),
            }
    return figures


def failures(out: Path, user_class: str, users: int) -> list[dict]:
    """Locust's failure list of a run: endpoint, error and count."""
    path = Path(f"{out / f'{user_class}-{users}'}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as rows:
        return [
            {"name": row["Name"], "error": row["Error"], "count": int(row["Occurrences"])}
            for row in csv.DictReader(rows)
        ]


def _number(value: str) -> float | None:
    return None if value in ("", "N/A") else float(value)
