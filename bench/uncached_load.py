"""Pages rendered for every request: the site under load with its page cache off (issue 18).

What readers of the long tail, editors and anyone after a change get. Measured through the same
gunicorn and load generator as the cached pages, and compared with WordPress without a page
cache on the same machine (the issue's table): VALOA should do at least five times as much.
"""

from collections.abc import Callable
from pathlib import Path

from tests.site_server import gunicorn

# WordPress 6.1 without a page cache, requests/s (issue 18), and the target: five times that.
WORDPRESS_RPS = {"article, 0 comments": 52, "article, 50 comments": 29, "home": 44}
TARGET_FACTOR = 5


def measure(env: dict, pages: dict[str, str], load: Callable, chosen, log: Path) -> dict:
    """Each page under load from a gunicorn whose page cache is off: {name: Load}."""
    found = {}
    with gunicorn(
        {**env, "PAGE_CACHE_SECONDS": "0"},
        workers=chosen.workers,
        threads=chosen.threads,
        log=log,
    ) as base:
        for name, path in pages.items():
            if chosen.warmup:
                load(base + path, chosen.warmup, chosen.connections)
            found[name] = load(base + path, chosen.seconds, chosen.connections)
    return found


def report(found: dict) -> tuple[list[str], list[str]]:
    """Table lines, and the targets missed."""
    lines = [f"{'page':<22}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'WordPress':>11}{'target':>8}"]
    lines.append("-" * len(lines[0]))
    missed = []
    for name, result in found.items():
        wordpress = WORDPRESS_RPS.get(name)
        target = wordpress * TARGET_FACTOR if wordpress else None
        over = target is not None and result.rps < target
        lines.append(
            f"{name:<22}{result.rps:>8.0f}{result.p50_ms:>8.1f}{result.p99_ms:>8.1f}"
            f"{wordpress or '-':>11}{'≥ ' + str(target) if target else '-':>8}"
            + ("  missed" if over else "")
        )
        if over:
            missed.append(f"{name}: {result.rps:.0f} req/s uncached under load (≥ {target})")
    return lines, missed
