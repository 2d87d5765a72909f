"""Benchmark: the site's pages at a realistic size, served as in production, under load.

Seeds a large data set (bench.seed) into a separate database, either a throwaway PostgreSQL
server in a temporary folder (with pg_stat_statements) or DATABASE_URL, collects the static
files into a temporary folder, and runs the site under gunicorn with DEBUG off on 127.0.0.1.
Each page is then loaded for a bounded time at 16 connections with wrk (or, without wrk, a
small Python load generator) and compared with a static file of the same size served by the
same gunicorn and whitenoise: the ceiling of this stack. Also measured: SQL queries per page
(uncached, bench.page_queries), N concurrent comment posters, the slowest queries, a worker's
memory, the article page's weight, and two reader scenarios (bench.scenarios): an editor
approving comments while readers load 300 articles, and a cold crawl of every article. Prints
tables and the targets met or missed.

    python -m bench.pages             # the full size (make bench)
    python -m bench.pages --smoke     # a tiny size that finishes in about two minutes
    python -m bench.pages --only scenarios   # only the reader scenarios
"""

import argparse
import dataclasses
import gzip
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import nginx, scenarios, uncached_load  # noqa: E402
from bench.page_queries import TARGET_RENDERS, render_report  # noqa: E402
from bench.seed import Size  # noqa: E402
from tests.site_client import SiteClient  # noqa: E402
from tests.site_server import (  # noqa: E402
    gunicorn,
    gunicorn_workers,
    manage,
    private_megabytes,
    resident_megabytes,
    site_env,
)
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin  # noqa: E402

# A Redis database of the benchmark's own: it is emptied at the start of every run.
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"
CEILING = "/static/bench/article.html"
ASSETS = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
VACUUM = "from django.db import connection\nconnection.cursor().execute('VACUUM ANALYZE')"
TARGETS = {"ratio": 0.5, "p99_ms": 100, "query_ms": 20, "private_mb": 120, "weight_kb": 60}


@dataclasses.dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # answers other than 2xx/3xx, and socket errors


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny data set, 1 s per page")
    parser.add_argument("--seconds", type=float, help="load time per page (default 10)")
    parser.add_argument("--warmup", type=float, help="unmeasured load per page first (2)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (1)")
    parser.add_argument("--posters", type=int, help="concurrent comment posters (64; smoke 8)")
    parser.add_argument("--redis", default=DEFAULT_REDIS, help=f"cache ({DEFAULT_REDIS})")
    parser.add_argument("--no-redis", action="store_true", help="use the database cache")
    parser.add_argument(
        "--load-generator", choices=["auto", "wrk", "python"], default="auto", help="(auto)"
    )
    parser.add_argument(
        "--through-nginx",
        action="store_true",
        help="also through nginx (deploy/nginx.conf); the default when nginx is installed",
    )
    parser.add_argument("--no-nginx", action="store_true", help="not through nginx")
    parser.add_argument(
        "--only", choices=["scenarios"], help="only the approval scenario and the cold crawl"
    )
    parser.add_argument(
        "--crawl-concurrency", type=int, default=2, help="cold crawl's connections (2)"
    )
    Size.add_arguments(parser)
    chosen = parser.parse_args()
    chosen.seconds = chosen.seconds or (1 if chosen.smoke else 10)
    chosen.warmup = chosen.warmup if chosen.warmup is not None else (0.5 if chosen.smoke else 2)
    chosen.posters = chosen.posters or (8 if chosen.smoke else 64)
    return chosen


# Load generators -------------------------------------------------------------------------


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: float, connections: int, spread: scenarios.Spread | None = None) -> Load:
    """`url`, or with `spread` its server's addresses so spread (a Lua script picks each)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if spread:
            script.write(spread.lua())
            script.flush()
        output = subprocess.run(
            ["wrk", "-t", str(min(2, connections)), "-c", str(connections),
             "-d", f"{max(1, round(seconds))}s", "--timeout", "5s", "--latency",
             *(["-s", script.name] if spread else []), url],
            capture_output=True, text=True, check=True, timeout=seconds + 60,
        ).stdout  # fmt: skip
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.MULTILINE))
    if len(percentiles) < 2:
        raise RuntimeError(f"wrk gave no latencies for {url}:\n{output}")
    errors = sum(map(int, re.findall(r"(?:connect|read|write|timeout) (\d+)", output)))
    errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1])
    return Load(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=milliseconds(percentiles["50"]),
        p99_ms=milliseconds(percentiles["99"]),
        requests=int(re.search(r"(\d+) requests in", output)[1]),
        errors=errors,
    )


def python_load(
    url: str, seconds: float, connections: int, spread: scenarios.Spread | None = None
) -> Load:
    """A small load generator: one thread per connection, keep-alive where the server allows;
    with `spread`, each request picks one of its addresses on `url`'s server.

    Python's threads share one core at a time, so on a small machine this measures less than
    the site can do; wrk is the better tool."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    until = time.perf_counter() + seconds

    def connection_loop(number: int) -> None:
        mine, failed, rng = [], 0, random.Random(number)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        while (started := time.perf_counter()) < until:
            try:
                connection.request("GET", spread.pick(rng) if spread else path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                continue
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    began = time.perf_counter()
    threads = [threading.Thread(target=connection_loop, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies) or [0.0]
    return Load(
        rps=len(latencies) / elapsed,
        p50_ms=ordered[len(ordered) // 2] * 1000,
        p99_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        requests=len(latencies),
        errors=errors[0],
    )


# Other measurements ----------------------------------------------------------------------


def post_comments(base: str, path: str, posters: int, marker: str) -> dict:
    """`posters` readers load the article, then all send a comment at the same moment."""
    barrier = threading.Barrier(posters + 1)
    results: list = [None] * posters

    def poster(number: int) -> None:
        client = SiteClient(base)
        _, page, _ = client.get(path)
        form = {
            **SiteClient.form_tokens(page),
            "name": f"Kuormittaja {number}",
            "email": f"kuormittaja{number}@example.fi",
            "body": f"{marker}-{number} Kiitos kirjoituksesta, tämä herätti ajatuksia.",
        }
        barrier.wait()
        started = time.perf_counter()
        status, _, _ = client.post(path, form)
        results[number] = (status, time.perf_counter() - started)

    threads = [threading.Thread(target=poster, args=(n,)) for n in range(posters)]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(latency for _, latency in results)
    statuses: dict[int, int] = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "rps": posters / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "max_ms": latencies[-1] * 1000,
        "statuses": statuses,
    }


def stored_comments(env: dict, marker: str) -> int:
    output = manage(
        env,
        "shell",
        "-c",
        "from insights.models import Comment\n"
        f"print('stored', Comment.objects.filter(body__startswith='{marker}-').count())",
    )
    return int(re.search(r"stored (\d+)", output)[1])


def page_weight(base: str, html: bytes) -> dict:
    """Gzipped bytes of the page and of the CSS and JavaScript it loads (as served)."""
    weights = {"HTML": len(gzip.compress(html, 6))}
    for asset in ASSETS.findall(html.decode()):
        request = urllib.request.Request(base + asset, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            weights[asset.rsplit("/", 1)[1]] = len(response.read())
    return weights


def statements_connection(url: str):
    """A connection for pg_stat_statements, or None where the extension cannot be used."""
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    connection = psycopg.connect(url, autocommit=True)
    try:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        connection.execute("SELECT pg_stat_statements_reset()")
    except psycopg.Error as error:
        print(f"pg_stat_statements is not available ({error.diag.message_primary}); the "
              "slowest queries are those seen while measuring the uncached pages.")  # fmt: skip
        connection.close()
        return None
    return connection


def slowest_statements(connection, limit: int = 8) -> list[tuple[float, float, int, str]]:
    rows = connection.execute(
        """SELECT mean_exec_time, max_exec_time, calls, query FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query ~* '^\\s*(SELECT|UPDATE|INSERT|DELETE|WITH|\\()'
          AND query !~* 'pg_stat_statements|pg_catalog|pg_type'
        ORDER BY mean_exec_time DESC LIMIT %s""",
        (limit,),
    ).fetchall()
    return [(mean, most, calls, " ".join(query.split())) for mean, most, calls, query in rows]


def print_log(log: Path, everything: bool = False) -> None:
    """The site's warnings and errors during the run: all of them, or the first few."""
    if not log.exists():
        return
    lines = [line for line in log.read_text().splitlines() if "[INFO]" not in line]
    if everything:
        print("\ngunicorn's log:\n" + "\n".join(lines)[-5000:])
    elif lines:
        print(f"\nThe site logged {len(lines)} warnings or errors; the first:")
        for line in lines[:3]:
            print("  " + (line if len(line) < 300 else line[:300] + " …"))


def cpu_busy(seconds: float = 2) -> float:
    """How busy the machine's CPUs are (0-100 %), sampled from /proc/stat (Linux)."""

    def sample() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle and iowait
        return sum(fields[:8]) - idle, sum(fields[:8])

    try:
        busy_before, total_before = sample()
        time.sleep(seconds)
        busy_after, total_after = sample()
    except (OSError, IndexError, ValueError):
        return float("nan")
    return 100 * (busy_after - busy_before) / max(1, total_after - total_before)


def wait_until_quiet(most: float = 5, longest: float = 60) -> float:
    """Wait (`longest` seconds at most) until the CPUs are under `most` % busy, so that what
    the preparation left running (autovacuum after its rewrites, the mail sink) is not timed
    as the site's work; the last figure."""
    started = time.monotonic()
    busy = cpu_busy()
    while busy > most and time.monotonic() - started < longest:
        busy = cpu_busy()
    return busy


def redis_reachable(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((parts.hostname or "127.0.0.1", parts.port or 6379)) == 0


# The run ---------------------------------------------------------------------------------


def main() -> int:
    chosen = options()
    size = Size.from_options(chosen)
    generator = chosen.load_generator
    if generator == "auto":
        generator = "wrk" if shutil.which("wrk") else "python"
        if generator == "python":
            print("wrk is not installed (apt-get install wrk): using the small Python load "
                  "generator, which measures less than the site can do.")  # fmt: skip
    elif generator == "wrk" and not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk")
        return 2
    load = wrk if generator == "wrk" else python_load
    if chosen.through_nginx and not nginx.available():
        print(f"{nginx.NGINX} is not installed: apt-get install nginx")
        return 2
    if not chosen.no_nginx and not chosen.through_nginx:
        chosen.through_nginx = nginx.available()
        if not chosen.through_nginx:
            print("nginx is not installed (apt-get install nginx): no figures through nginx.")

    work = Path(tempfile.mkdtemp(prefix="valoa-bench-"))
    database = None
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        bin_dir = postgres_bin()
        if bin_dir is None:
            print("PostgreSQL server binaries are needed (apt-get install postgresql), "
                  "or DATABASE_URL pointing at a separate, empty database.")  # fmt: skip
            return 2
        database = ThrowawayPostgres(
            bin_dir, settings={"shared_preload_libraries": "pg_stat_statements"}
        )
        database.create()
        url = database.url
    cache = "database cache"
    settings = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(work / "static"),
        "EMAIL_URL": "console:",
        "MODERATOR_EMAILS": "toimitus@localhost",
        # Abuse limits relaxed for the benchmark only: every poster comes from 127.0.0.1.
        "RATE_LIMIT_POSTS": "1000000000",
        "FORM_MIN_SECONDS": "0",
    }
    if not chosen.no_redis and redis_reachable(chosen.redis):
        settings["REDIS_URL"] = cache = chosen.redis
    env = site_env(url, **settings)
    log = work / "gunicorn.log"
    try:
        return run(chosen, size, env, url, cache, load, generator, work, log)
    except subprocess.CalledProcessError as error:
        print(f"{' '.join(map(str, error.cmd[:4]))} failed:\n{error.stdout}\n{error.stderr}")
        print_log(log, everything=True)
        return 1
    except Exception:
        print_log(log, everything=True)
        raise
    finally:
        if database:
            database.remove()
        shutil.rmtree(work, ignore_errors=True)


@dataclasses.dataclass
class Findings:
    pages: dict[str, str]  # name: address, in the order of the table
    costs: dict[str, dict]  # name: uncached queries, time and bytes (bench.page_queries)
    loads: dict[str, Load] = dataclasses.field(default_factory=dict)
    answers: dict[str, tuple[int, str]] = dataclasses.field(default_factory=dict)
    busy: list[float] = dataclasses.field(default_factory=list)  # % CPU before and after
    ceilings: list[float] = dataclasses.field(default_factory=list)  # static file, first and last
    weight: dict[str, int] = dataclasses.field(default_factory=dict)
    posted: dict = dataclasses.field(default_factory=dict)
    stored: int = 0
    rss: dict[int, float] = dataclasses.field(default_factory=dict)
    private: dict[int, float] = dataclasses.field(default_factory=dict)
    slowest: list = dataclasses.field(default_factory=list)
    renders: dict = dataclasses.field(default_factory=dict)  # uncached render times (issue 18)
    render_busy: float = float("nan")  # % CPU just before they were timed
    through_nginx: dict = dataclasses.field(default_factory=dict)  # bench.nginx.measure
    uncached: dict = dataclasses.field(default_factory=dict)  # uncached pages under load
    readers: scenarios.Figures | None = None  # approvals and the cold crawl (issue 18)


def run(chosen, size, env, url, cache, load, generator, work, log) -> int:
    print(
        f"VALOA benchmark: {os.cpu_count()} cores; gunicorn {chosen.workers} workers x "
        f"{chosen.threads} threads; {cache}; {generator}, {chosen.connections} connections, "
        f"{chosen.seconds:g} s per page"
    )
    started = time.monotonic()
    manage(env, "migrate", "--noinput")
    size_arguments = [f"--{k}={v}" for k, v in dataclasses.asdict(size).items()]
    seeded = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.seed", *size_arguments],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=900,
        ).stdout.splitlines()[-1]
    )  # fmt: skip
    described = (
        f"{seeded['articles']:,} articles, {seeded['comments']:,} approved comments, "
        f"{seeded['cases']:,} cases, {seeded['workbooks']:,} workbooks with "
        f"{seeded['answers']:,} answers"
    )
    if seeded["reused"]:
        print(f"Data set: the one seeded earlier in this database, as it is: {described}.")
    else:
        print(
            f"Data set: {described} ({size.busiest} comments on the busiest article, a team of "
            f"{size.team}); {seeded['rows']:,} rows in {seeded['seconds']} s."
        )
    if chosen.only == "scenarios":
        return run_scenarios(chosen, env, load, log)
    indexed = json.loads(
        subprocess.run(
            [sys.executable, "manage.py", "rebuild_search_index", "--json"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=3600,
        ).stdout.splitlines()[-1]
    )  # fmt: skip
    # What autovacuum does in production after such a rewrite: the planner needs statistics.
    manage(env, "shell", "-c", VACUUM)
    rows = sum(count for label, count in indexed.items() if "." in label)
    print(
        f"Search index: {rows:,} rows re-indexed in {indexed['seconds']} s "
        f"(rebuild_search_index; {indexed['words']:,} words to suggest)."
    )
    subscribers = 200 if chosen.smoke else 10_000
    digests = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.digests", f"--subscribers={subscribers}"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=1800,
        ).stdout.splitlines()[-1]
    )  # fmt: skip
    print(
        f"Weekly digests: {digests['sent']:,} of {subscribers:,} sent through SMTP in "
        f"{digests['seconds']} s ({digests['sent'] / max(digests['seconds'], 0.1):,.0f} a second;"
        f" rendered {digests['rendered']} times, once per choice of themes and language)."
    )
    manage(env, "collectstatic", "--noinput")
    statements = statements_connection(url)
    article_html = work / "static" / "bench" / "article.html"
    article_html.parent.mkdir(parents=True, exist_ok=True)
    render_busy = wait_until_quiet(longest=0 if chosen.smoke else 60)  # CI's smoke run: no wait
    measured = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.page_queries", "--save-article", str(article_html)],
            cwd=ROOT, env={**env, "PAGE_CACHE_SECONDS": "0"}, check=True,
            capture_output=True, text=True, timeout=600,
        ).stdout.splitlines()[-1]
    )  # fmt: skip
    costs = measured["pages"]
    prepared = prepare_scenarios(chosen, env)
    manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    print(f"Prepared in {time.monotonic() - started:.0f} s.\n")

    found = Findings(
        pages={name: cost["path"] for name, cost in costs.items()},
        costs=costs,
        renders=measured["renders"],
        render_busy=render_busy,
    )
    found.pages["static file"] = CEILING
    marker = f"penkki-{secrets.token_hex(4)}"
    # Workers' heartbeat files in memory, as gunicorn advises for containers.
    options = ["--worker-tmp-dir", "/dev/shm"] if Path("/dev/shm").is_dir() else []
    found.busy.append(cpu_busy())  # other work on the machine, while the site is idle
    with gunicorn(
        env, workers=chosen.workers, threads=chosen.threads, log=log, options=options
    ) as base:
        # The ceiling is measured first and last: other work on the machine comes and goes.
        for name in ["static file", *found.pages]:
            path = found.pages[name]
            client = SiteClient(base)
            client.get(path)  # fills the page cache
            status, _, headers = client.get(path)
            found.answers[name] = (status, headers.get("X-Page-Cache", "-") if headers else "-")
            if chosen.warmup:
                load(base + path, chosen.warmup, chosen.connections)
            result = load(base + path, chosen.seconds, chosen.connections)
            if name in found.loads:
                found.ceilings = [found.loads[name].rps, result.rps]
                result = Load(
                    rps=statistics.mean(found.ceilings),
                    p50_ms=statistics.mean([found.loads[name].p50_ms, result.p50_ms]),
                    p99_ms=max(found.loads[name].p99_ms, result.p99_ms),
                    requests=found.loads[name].requests + result.requests,
                    errors=found.loads[name].errors + result.errors,
                )
            found.loads[name] = result
        article = urllib.request.urlopen(base + found.pages["busiest article"]).read()
        found.weight = page_weight(base, article)
        found.posted = post_comments(base, found.pages["busiest article"], chosen.posters, marker)
        found.rss = {pid: resident_megabytes(pid) for pid in gunicorn_workers(base)}
        found.private = {pid: private_megabytes(pid) for pid in found.rss}
        found.readers = measure_scenarios(chosen, base, env, prepared, load)
        if chosen.through_nginx:
            pages = {name: path for name, path in found.pages.items() if name != "static file"}
            found.through_nginx = nginx.measure(base, work, pages, load, chosen)
    found.uncached = uncached_load.measure(
        env,
        {name: render["path"] for name, render in found.renders.items()},
        load,
        chosen,
        work / "gunicorn-uncached.log",
    )
    found.busy.append(cpu_busy())
    if statements:
        found.slowest = slowest_statements(statements)
        statements.close()
    else:
        seen = [(ms, sql) for cost in costs.values() for ms, sql in cost["slowest"]]
        found.slowest = [(ms, ms, 1, " ".join(sql.split())) for ms, sql in sorted(seen)[::-1]][:8]
    found.stored = stored_comments(env, marker)
    return report(chosen, found, log)


# The reader scenarios (bench.scenarios): an editor approving under load, the cold crawl.


def scenario_seconds(chosen) -> float:
    return max(chosen.seconds, 3)  # a few approvals even in the smoke size


def prepare_scenarios(chosen, env: dict) -> dict:
    pending = scenarios.pending_needed(scenario_seconds(chosen))
    return scenarios.site_call(env, "--prepare", str(pending))


def measure_scenarios(chosen, base: str, env: dict, prepared: dict, load) -> scenarios.Figures:
    return scenarios.measure(
        base, env, prepared, load, scenario_seconds(chosen), chosen.warmup,
        chosen.connections, chosen.crawl_concurrency,
    )  # fmt: skip


def run_scenarios(chosen, env: dict, load, log: Path) -> int:
    """--only scenarios: a quicker round for a developer working on them."""
    manage(env, "collectstatic", "--noinput")
    prepared = prepare_scenarios(chosen, env)
    busy = [cpu_busy()]
    with gunicorn(env, workers=chosen.workers, threads=chosen.threads, log=log) as base:
        figures = measure_scenarios(chosen, base, env, prepared, load)
    busy.append(cpu_busy())
    lines, missed = scenarios.report(figures)
    print("\n" + "\n".join(lines))
    print_log(log)
    print_verdict(busy, missed)
    return 1 if scenarios.broken(figures) else 0


# The COUNT(*)s a page may make: each paginated list counts its rows once, and the team
# summary counts who has answered (its results show only from so many people on).
LISTS = {
    "insights p1": 2,
    "insights p50": 2,
    "busiest article": 1,
    "cases 2 filters": 1,
    "search": 1,
    "team summary": 1,
}


def report(chosen, found: Findings, log: Path) -> int:
    ceiling = found.loads["static file"].rps or 1
    header = (
        f"{'page':<17}{'status':>7}{'cache':>6}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'ratio':>7}{'SQL':>5}{'COUNT':>6}{'uncached':>9}{'bytes':>8}{'gzip':>7}"
    )
    print(header)
    print("-" * len(header))
    missed = []
    for name in found.pages:
        result, (status, cached) = found.loads[name], found.answers[name]
        # The static file is the article page itself, saved as a file.
        cost = found.costs.get(name) or {**found.costs["busiest article"], "queries": "-"}
        ratio = result.rps / ceiling
        counts, uncached = cost["counts"], f"{cost['uncached_ms']} ms"
        if name == "static file":
            counts, uncached = "-", "-"
        print(
            f"{name:<17}{status:>7}{cached:>6}{result.rps:>8.0f}{result.p50_ms:>8.1f}"
            f"{result.p99_ms:>8.1f}{ratio:>7.2f}{cost['queries']:>5}{counts:>6}{uncached:>9}"
            f"{cost['bytes']:>8}{cost['gzip_bytes']:>7}"
            + (f"  ({result.errors} errors)" if result.errors else "")
        )
        if name != "static file" and status == 200:
            if ratio < TARGETS["ratio"]:
                missed.append(f"{name}: {ratio:.2f} of the static file's throughput")
            if result.p99_ms >= TARGETS["p99_ms"]:
                missed.append(f"{name}: p99 {result.p99_ms:.0f} ms")
            if cost["counts"] > LISTS.get(name, 0):
                missed.append(f"{name}: {cost['counts']} COUNT(*) queries")
    print(
        "\nstatus, cache: a second anonymous GET (X-Page-Cache); ratio: requests/s over the "
        "static file's;\nSQL, COUNT, uncached: queries, COUNT(*) queries and time of one page "
        "rendered without the page cache;\nbytes: the HTML as sent; gzip: as nginx would send "
        "it (level 6). The static file is the\narticle page saved as a file, served by the same "
        "gunicorn and whitenoise; measured first and last\n("
        + " and ".join(f"{rps:.0f}" for rps in found.ceilings)
        + " requests/s), the mean is the ceiling."
    )

    lines, slow = render_report(found.renders)
    print(
        "\nUncached render, in-process (the test client, page cache off; median of "
        f"{TARGET_RENDERS}; CPUs {found.render_busy:.0f} % busy just before):\n" + "\n".join(lines)
    )
    missed += slow
    missed += nginx.report(found.through_nginx, TARGETS["ratio"])

    lines, slow = uncached_load.report(found.uncached)
    print(
        f"\nUncached under load (page cache off; {chosen.connections} connections, "
        f"{chosen.seconds:g} s each; WordPress without a page cache, issue 18):\n"
        + "\n".join(lines)
    )
    missed += slow

    posted, posters = found.posted, chosen.posters
    print(
        f"\nComment posts: {posters} concurrent posters, {posted['rps']:.0f} posts/s, "
        f"p50 {posted['p50_ms']:.0f} ms, slowest {posted['max_ms']:.0f} ms, answers "
        f"{posted['statuses']}; rows stored {found.stored} (expected {posters})"
    )
    if found.stored != posters or posted["statuses"].get(302, 0) != posters:
        missed.append(f"comment posts: {found.stored} rows stored for {posters} posts")

    print("\nSlowest queries (pg_stat_statements: mean ms, max ms, calls):")
    for mean, most, calls, query in found.slowest:
        print(f"{mean:8.1f}{most:8.1f}{calls:7}  {query[:110]}")
        if mean > TARGETS["query_ms"]:
            missed.append(f"a query takes {mean:.0f} ms on average: {query[:60]}")

    # RSS counts what the workers share with the master (the search's dictionary, loaded
    # before forking) once in every worker; what one more worker costs is its private memory.
    largest = max(found.private.values(), default=0)
    sizes = ", ".join(f"{mb:.0f}" for mb in found.rss.values())
    private = ", ".join(f"{mb:.0f}" for mb in found.private.values())
    print(f"\nMemory: gunicorn workers' RSS {sizes} MB after the run, of which private {private}")
    if largest > TARGETS["private_mb"]:
        missed.append(f"a worker uses {largest:.0f} MB of its own")

    total = sum(found.weight.values()) / 1024
    parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in found.weight.items())
    print(f"Article page weight, gzipped: {total:.1f} KB ({parts})")
    if total > TARGETS["weight_kb"]:
        missed.append(f"the article page weighs {total:.0f} KB gzipped")

    lines, more = scenarios.report(found.readers)
    print("\n" + "\n".join(lines))
    missed += more

    print_log(log)
    print_verdict(found.busy, missed)
    # The benchmark reports; it fails only when the site did not work.
    broken = found.stored != posters or any(
        status >= 500 or status == 0 for status, _ in found.answers.values()
    )
    return 1 if broken or scenarios.broken(found.readers) else 0


def print_verdict(busy: list[float], missed: list[str]) -> None:
    before, after = busy
    print(
        f"\nOther work on the machine: its {os.cpu_count()} CPUs were {before:.0f} % busy just "
        f"before the measurements and {after:.0f} % just after (the site idle). Above a few "
        "per cent,\nthe figures are lower and noisier than the site can do."
    )
    if missed:
        print("Targets missed:\n  " + "\n  ".join(missed))
    else:
        print("All targets met.")


if __name__ == "__main__":
    sys.exit(main())
