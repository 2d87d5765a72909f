"""What each measured page costs without the page cache: SQL queries, COUNT(*)s, time, bytes.

Run by bench.pages in its own process, with the site's environment and PAGE_CACHE_SECONDS=0,
against the seeded database; prints one JSON object. Uses Django's test client, so the page
is rendered exactly as the server renders it, with every query captured.

    python -m bench.page_queries [--save-article FILE]
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")

RENDERS = 3  # timed renders per page after the one whose queries are captured
# Uncached render targets in milliseconds (issue 18), timed over more renders for a stable
# median on a busy machine.
RENDER_TARGETS = {
    "article, 0 comments": 5,
    "article, 50 comments": 10,
    "busiest article": 12,
    "home": 5,
    "insights p1": 5,
    "cases list": 5,
    "case page": 5,
    "team summary": 10,
}
TARGET_RENDERS = 15


def is_count(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT COUNT(")


def render_ms(client, path: str, renders: int) -> float:
    """The median time of `renders` renders of a page, after an untimed first one."""
    client.get(path)
    times = []
    for _ in range(renders):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def render_report(renders: dict) -> tuple[list[str], list[str]]:
    """The render times beside their targets, as table lines, and the targets missed."""
    lines = [f"{'page':<22}{'median ms':>10}{'target':>8}", "-" * 40]
    missed = []
    for name, render in renders.items():
        target = RENDER_TARGETS[name]
        over = render["ms"] > target
        lines.append(
            f"{name:<22}{render['ms']:>10.1f}{'≤ ' + str(target):>8}" + ("  missed" if over else "")
        )
        if over:
            missed.append(f"{name}: rendered in {render['ms']:.1f} ms uncached (≤ {target})")
    return lines, missed


def measure(client, path: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # the first render of a template in this process costs more
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    # Read them now: the next request empties the connection's query log.
    queries = [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    content = response.content
    return {
        "status": response.status_code,
        "queries": len(queries),
        "counts": sum(1 for _, sql in queries if is_count(sql)),
        "bytes": len(content),
        "gzip_bytes": len(gzip.compress(content, 6)),
        "uncached_ms": round(statistics.median(times) * 1000, 1),
        "slowest": sorted(queries, reverse=True)[:3],
        "content": content,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save-article", type=Path, help="write the article page's HTML here")
    parser.add_argument(
        "--renders-only", action="store_true", help="only the render times against targets"
    )
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.seed import pages, render_pages

    assert settings.PAGE_CACHE_SECONDS == 0, "measure without the page cache"
    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["127.0.0.1"])[0])
    renders = {
        name: {"path": path, "ms": render_ms(client, path, TARGET_RENDERS)}
        for name, path in render_pages().items()
    }
    if options.renders_only:
        lines, missed = render_report(renders)
        print("\n".join(lines))
        print("Targets missed:\n  " + "\n  ".join(missed) if missed else "All targets met.")
        return 0
    results = {}
    for name, path in pages().items():
        results[name] = {"path": path, **measure(client, path)}
    article = results["busiest article"].pop("content")
    if options.save_article:
        options.save_article.write_bytes(article)
    for result in results.values():
        result.pop("content", None)
    print(json.dumps({"pages": results, "renders": renders}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
