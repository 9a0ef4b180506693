"""Production behaviour in one report: load (Locust, realistic mix at 50 and 200 users, next
to a constant view), uncached article render time, web worker memory after 20,000
requests, and the fault scripts (PostgreSQL restart, Redis stop, task worker killed with
WeChat down, two servers and two workers). Prints a Markdown table and writes
benchmarks/results/production_report.json.

Usage (from the repository root; as root, for the private PostgreSQL run as ``postgres``):

    .venv/bin/pip install -e '.[production,bench]'
    .venv/bin/python benchmarks/production_report.py                 # everything, full length
    .venv/bin/python benchmarks/production_report.py --quick         # a smoke run, a few minutes
    .venv/bin/python benchmarks/production_report.py --only load,render,memory
    .venv/bin/python benchmarks/production_report.py --only faults --quick

Every part runs against private servers (benchmarks/private_services.py): a PostgreSQL and a
Redis of their own on their own ports, a copy of the demo data, the fake WeChat API. The
machine's shared servers are never touched. The server (gunicorn, PostgreSQL, Redis) is
pinned to --server-cpus, Locust to --client-cpus.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.private_services import RESULTS, Stack  # noqa: E402

PARTS = ("load", "render", "memory", "faults")
FAULTS = ("db_restart", "redis_stop", "worker_kill", "scale_out")
PORT = 18000


def options(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts: {', '.join(PARTS)} or single faults ({', '.join(FAULTS)})",
    )
    parser.add_argument("--quick", action="store_true", help="short smoke run")
    parser.add_argument("--users", default="50,200")
    parser.add_argument("--seconds", type=int, help="per Locust run (default 60, quick 15)")
    parser.add_argument("--think", default="0.5,2", help="mix think time in seconds: min,max")
    parser.add_argument("--memory-requests", type=int, help="default 20000, quick 2000")
    parser.add_argument("--render-runs", type=int, help="default 200, quick 50")
    parser.add_argument("--outage", type=int, help="seconds of each outage (default 60, quick 15)")
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers (default as in production: 2 × CPUs + 1)"
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    # The server has the machine's two cores, as in production; Locust shares them (a few
    # per cent of one core at the mix's rate). Pin them apart to study either alone.
    parser.add_argument("--server-cpus", default="0,1")
    parser.add_argument("--client-cpus", default="0,1")
    parser.add_argument("--output", default=str(RESULTS / "production_report.json"))
    args = parser.parse_args(argv)
    args.users = [int(n) for n in args.users.split(",")]
    args.think = tuple(float(x) for x in args.think.split(","))
    if args.workers is None:
        args.workers = 2 * len(args.server_cpus.split(",")) + 1
    defaults = {
        "seconds": (60, 15),
        "memory_requests": (20_000, 2_000),
        "render_runs": (200, 50),
        "outage": (60, 15),
    }
    for name, (full, quick) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    chosen = set(args.only.split(","))
    if "faults" in chosen:
        chosen |= set(FAULTS)
    args.parts = chosen
    return args


def main() -> None:
    args = options()
    report = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "quick": args.quick,
        "machine": machine(),
        "settings": settings_line(args),
    }
    if args.parts & {"load", "render", "memory"}:
        report.update(load_parts(args))
    for name in FAULTS:
        if name in args.parts:
            module = __import__(f"benchmarks.faults.{name}", fromlist=["run"])
            report.setdefault("faults", {})[name] = module.run(args)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(markdown(report))
    print(f"\nJSON: {args.output}")


def load_parts(args) -> dict:
    from benchmarks.load import measure

    found = {}
    with Stack("load") as stack:
        plan_path = measure.make_plan(students=6000, visitors=400)
        if "render" in args.parts:
            found["render"] = measure.render_time(args.render_runs)
        if not args.parts & {"load", "memory"}:
            return found
        server = stack.gunicorn(
            PORT, workers=args.workers, threads=args.threads, cpus=args.server_cpus
        )
        pin_servers(stack, args.server_cpus)
        if "load" in args.parts:
            found["load"] = measure.load(stack, PORT, plan_path, args)
            found["targets"] = measure.targets(found["load"])
        if "memory" in args.parts:
            found["memory"] = measure.memory(stack, PORT, server, plan_path, args)
    return found


def pin_servers(stack, cpus: str) -> None:
    """PostgreSQL and Redis with the web server, apart from the load generator."""
    for process in (stack.postgres.process, stack.redis.process):
        for pid in process_tree(process.pid):
            os.sched_setaffinity(pid, {int(c) for c in cpus.split(",")})


def process_tree(pid: int) -> list[int]:
    found = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            found += process_tree(int(child))
    return found


def machine() -> dict:
    return {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}


def settings_line(args) -> dict:
    return {
        "users": args.users,
        "seconds_per_run": args.seconds,
        "think_s": args.think,
        "gunicorn": f"{args.workers} workers × {args.threads} threads (gthread)",
        "server_cpus": args.server_cpus,
        "client_cpus": args.client_cpus,
        "outage_s": args.outage,
    }


def markdown(report: dict) -> str:
    kind = "quick" if report["quick"] else "full"
    load = report["machine"]["load_average_at_start"]
    lines = [f"# Production report ({kind} run, {report['started']}, load average {load})", ""]
    for users, runs in report.get("load", {}).items():
        lines += [
            f"## Load at {users} users",
            "",
            "| run | endpoint | req/s | p50 ms | p95 ms | p99 ms | errors % | X-Cache |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for run in (
            "mix",
            "public_pages_paced",
            "public_pages_saturated",
            "constant_view_saturated",
        ):
            for name, row in runs[run].items():
                cache = ", ".join(f"{k} {v}" for k, v in row.get("x_cache", {}).items())
                lines.append(
                    f"| {run} | {name} | {row['per_second']} | {row['p50_ms']} | "
                    f"{row['p95_ms']} | {row['p99_ms']} | {row['error_rate_pct']} | "
                    f"{cache} |"
                )
        lines.append("")
    checks = dict(report.get("targets", {}))
    for reader, figures in report.get("render", {}).items():
        checks[f"uncached article render median ≤ 30 ms ({reader})"] = figures
    if "memory" in report:
        memory = report["memory"]
        # Reported, not judged: what growth is acceptable depends on the recycling chosen.
        checks["worker RSS after the mix"] = {**memory, "pass": None}
    for name, fault in report.get("faults", {}).items():
        for check in fault["checks"]:
            checks[f"{name}: {check['check']}"] = check
    if checks:
        lines += ["## Checks", "", "| check | result | figures |", "|---|---|---|"]
        for name, check in checks.items():
            figures = {k: v for k, v in check.items() if k not in ("pass", "check", "workers")}
            verdict = {True: "PASS", False: "FAIL", None: "—"}[check.get("pass")]
            lines.append(f"| {name} | {verdict} | {json.dumps(figures, ensure_ascii=False)} |")
    if "memory" in report:
        lines += [
            "",
            "| worker pid | RSS before MiB | after MiB | growth MiB |",
            "|---|---|---|---|",
        ]
        for worker in report["memory"]["workers"]:
            lines.append(
                f"| {worker['pid']} | {worker['before_mib']} | {worker['after_mib']} | "
                f"{worker['growth_mib']} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
