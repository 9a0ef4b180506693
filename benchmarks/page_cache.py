"""Server time of public pages from the page cache, against rendering them afresh.

Usage (from the repository root):

    .venv/bin/python benchmarks/page_cache.py --database sqlite:////tmp/page_cache.sqlite3
    .venv/bin/python benchmarks/page_cache.py --database postgres://postgres@127.0.0.1:5432/bench

The database is migrated and filled with the demo content first (idempotent). Each page is
requested through Django's test client (full middleware stack, no network) by an anonymous
reader --runs times in three ways: rendered with the page cache off; a miss (a new
generation before each request, so it renders and stores); a hit. The median and p95 of the
wall time per request are printed with the SQL queries of one request. The cache is the
local-memory one unless REDIS_URL is set.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.in_process_pages import one_request, set_up, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="DATABASE_URL to use (default: the environment's)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    set_up(page_cache=True)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from education import page_cache
    from education.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-date").first()
    pages = {"article": article.url, "home": "/"}
    client = Client(SERVER_NAME="localhost")
    ways = {  # page cache on, before each request, X-Cache
        "rendered": (False, None, None),
        "miss": (True, page_cache.invalidate, "miss"),
        "hit": (True, None, "hit"),
    }
    print(f"database: {connection.vendor}  cache: {settings.CACHES['pages']['BACKEND']}")
    print(f"runs: {args.runs}  warm-up: {args.warmup}")
    print(f"{'page':<8} {'way':<9} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages.items():
        medians = {}
        for way, (enabled, before, expected) in ways.items():
            settings.PAGE_CACHE = enabled
            timed(client, url, args.warmup, before)
            if before:
                before()
            response, count = one_request(client, url)
            assert response.get(page_cache.HEADER) == expected, way
            times = timed(client, url, args.runs, before)
            medians[way] = statistics.median(times)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"{name:<8} {way:<9} {medians[way]:>10.2f} {p95:>8.2f} {count:>8}")
        print(f"{name:<8} a hit takes 1/{medians['rendered'] / medians['hit']:.0f} of a rendering")


if __name__ == "__main__":
    main()
