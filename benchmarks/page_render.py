"""Median server time and query count of the main public pages, rendered in-process.

Usage (from the repository root, after `bin/demo` or with any DATABASE_URL):

    .venv/bin/python benchmarks/page_render.py            # embedded SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/page_render.py

The database is migrated and filled with the demo content first (idempotent). Each page is
rendered through Django's test client (full middleware stack, no network, page cache off:
see ``page_cache.py`` for its hits) --warmup times, then --runs times; the median and p95 of
the wall time per request are printed with the number of SQL queries one render makes.
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.in_process_pages import one_request, set_up, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    set_up(page_cache=False)
    from django.db import connection
    from django.test import Client

    from education.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-date").first()
    pages = {
        "home": "/",
        "article": article.url,
        "search": "/search/?q=%E5%90%88%E6%88%90%E6%AF%92%E5%93%81",  # 合成毒品
    }
    client = Client(SERVER_NAME="localhost")
    print(f"database: {connection.vendor}  runs: {args.runs}  warm-up: {args.warmup}")
    print(f"{'page':<8} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages.items():
        timed(client, url, args.warmup)
        _, count = one_request(client, url)
        times = timed(client, url, args.runs)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<8} {statistics.median(times):>10.2f} {p95:>8.2f} {count:>8}")


if __name__ == "__main__":
    main()
