"""The page benchmark runs end to end in its tiny size: a proof that it works, not a timing."""

import collections
import http.server
import os
import re
import shutil
import sys
import threading

import pytest

from bench import nginx
from bench.pages import milliseconds, python_load, wrk
from bench.scenarios import Spread
from tests.background import Command, runs
from tests.throwaway_postgres import postgres_bin

PAGES = [
    "home",
    "insights p1",
    "insights p50",
    "busiest article",
    "cases 2 filters",
    "case page",
    "search",
    "team summary",
    "static file",
]


SMOKE = Command(
    [sys.executable, "-m", "bench.pages", "--smoke", "--workers", "2"],
    timeout=240,
    # Its own throwaway database, even when the tests run on PostgreSQL (DATABASE_URL).
    env=lambda: {name: value for name, value in os.environ.items() if name != "DATABASE_URL"},
)


@pytest.mark.slow
@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL server binaries not installed")
@runs(SMOKE)
def test_the_smoke_sized_benchmark_measures_every_page_and_stores_every_post():
    result = SMOKE.result()

    assert result.returncode == 0, result.stdout + result.stderr
    table = {}
    for line in result.stdout.splitlines():
        if "  " in line:  # the load table comes first; the render table repeats some names
            table.setdefault(line.split("  ")[0], line)
    for name in PAGES:
        assert name in table, result.stdout
        status = re.match(rf"{name}\s+(\d+)", table[name])[1]
        assert status in {"200", "404"}, table[name]  # search may not exist yet
    assert re.search(r"rows stored 8 \(expected 8\)", result.stdout), result.stdout
    assert "Slowest queries" in result.stdout
    for name, target in [("article, 0 comments", 5), ("busiest article", 12), ("home", 5)]:
        assert re.search(rf"^{name}\s+[\d.]+\s+≤ {target}\b", result.stdout, re.M), result.stdout
    # Uncached under load: requests/s beside WordPress's figure and five times it.
    assert re.search(
        r"^article, 0 comments\s+\d+\s+[\d.]+\s+[\d.]+\s+52\s+≥ 260", result.stdout, re.M
    )
    assert re.search(r"Weekly digests: 200 of 200 sent through SMTP in [\d.]+ s", result.stdout)
    assert re.search(r"RSS \d+", result.stdout)
    assert re.search(r"Article page weight, gzipped: [\d.]+ KB", result.stdout)
    # The approval scenario: readers' throughput with and without an editor, every approval
    # stored and shown to readers; the cold crawl of every published article (issue 18).
    for name in ["no editor", "editor, no change", "editor approving"]:
        assert re.search(rf"^{name}\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+", result.stdout, re.M)
    approvals = re.search(r"approved (\d+) of (\d+) .*visible to readers (\d+) of", result.stdout)
    assert approvals, result.stdout
    approved, attempted, visible = map(int, approvals.groups())
    assert approved == attempted == visible > 0
    crawl = re.search(
        r"^Cold crawl: (\d+) published articles once.*total [\d.]+ s$", result.stdout, re.M
    )
    assert crawl and int(crawl[1]) > 0, result.stdout  # "(N errors)" would follow the total
    # Through the shipped nginx configuration, whenever nginx is installed (required in CI):
    # the pages answered from its microcache.
    if nginx.available() or os.environ.get("VALOA_REQUIRE_BROWSER") == "1":
        for name in ["home", "busiest article", "case page"]:
            assert re.search(rf"^{name}\s+200\s+HIT\s", result.stdout, re.M), result.stdout


class _Hello(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    asked: collections.Counter = collections.Counter()

    def do_GET(self):
        self.asked[self.path] += 1
        body = b"hei\n" if self.path == "/" else b"ei ole\n"
        self.send_response(200 if self.path == "/" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tiny_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_python_load_generator_used_without_wrk_counts_requests_and_errors(tiny_server):
    ok = python_load(tiny_server + "/", seconds=0.5, connections=4)
    missing = python_load(tiny_server + "/puuttuu", seconds=0.3, connections=2)

    assert ok.requests > 10 and ok.errors == 0
    assert ok.rps > 0 and 0 < ok.p50_ms <= ok.p99_ms
    assert missing.requests > 0 and missing.errors == missing.requests


def test_wrk_latencies_are_read_in_any_unit():
    assert milliseconds("850.00us") == pytest.approx(0.85)
    assert milliseconds("12.5ms") == 12.5
    assert milliseconds("1.25s") == 1250


@pytest.mark.parametrize("generator", ["python", "wrk"])
def test_readers_spread_over_the_addresses_the_first_most_often(tiny_server, generator):
    if generator == "wrk" and not shutil.which("wrk"):
        pytest.skip("wrk is not installed")
    load = wrk if generator == "wrk" else python_load
    _Hello.asked.clear()
    spread = Spread.zipf(["/", "/toinen", "/kolmas"])

    result = load(tiny_server + "/", 1, 2, spread=spread)

    asked = _Hello.asked
    assert sum(asked.values()) >= result.requests > 30
    assert asked["/"] > asked["/kolmas"] > 0 and asked["/toinen"] > 0
