"""The shipped nginx configuration (deploy/nginx/valoa.conf) in front of a gunicorn, as a
non-root process in a temporary folder: for `bench.pages --through-nginx` and the end-to-end
test. Also measures the pages through it beside the static file that nginx serves itself."""

import contextlib
import getpass
import os
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.throwaway_postgres import free_port

ROOT = Path(__file__).resolve().parents[1]
NGINX = Path("/usr/sbin/nginx")
SHARED = ROOT / "deploy" / "nginx" / "valoa.conf"
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
# What the shipped configuration includes around the shared part (deploy/nginx.conf), with
# this machine's paths, a port of its own and the static files served directly.
CONFIG = """\
{user}daemon off;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
{temp_paths}
    upstream valoa_web {{ server {upstream}; }}
    proxy_cache_path {work}/cache levels=1:2 keys_zone=valoa:10m max_size=256m inactive=1m
                     use_temp_path=off;
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{ alias {static}/; expires 1y; }}
        include {shared};
    }}
}}
"""


def available() -> bool:
    return NGINX.exists()


@contextlib.contextmanager
def nginx(upstream: str, work: Path, static: Path | None = None) -> Iterator[str]:
    """Run nginx in front of `upstream` (a base URL such as http://127.0.0.1:8123) until the
    block ends; yields its own base URL once it answers."""
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    temp_paths = "\n".join(f"    {name}_temp_path {work}/{name};" for name in TEMP_PATHS)
    config = work / "nginx.conf"
    config.write_text(
        CONFIG.format(
            # Started by root (a container), the workers would run as nobody, who may not read
            # the private temporary folder: they run as the user who started them.
            user=f"user {getpass.getuser()};\n" if os.geteuid() == 0 else "",
            work=work,
            temp_paths=temp_paths,
            upstream=upstream.removeprefix("http://"),
            port=port,
            static=static or work / "static",
            shared=SHARED,
        )
    )
    server = subprocess.Popen(
        [str(NGINX), "-p", str(work), "-e", str(work / "error.log"), "-c", str(config)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if server.poll() is not None:
                raise RuntimeError(f"nginx did not start: {server.stderr.read()}")
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def cache_status(url: str) -> tuple[int, str, str]:
    """(status, X-Cache-Status, Cache-Control) of one anonymous GET."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            response.read()
            headers, status = response.headers, response.status
    except urllib.error.HTTPError as error:
        headers, status = error.headers, error.code
    return status, headers.get("X-Cache-Status", "-"), headers.get("Cache-Control", "")


def cache_status_once_kept(url: str) -> tuple[int, str, str]:
    """`cache_status()` of a GET after one that filled the microcache. nginx may still be
    moving its copy into the cache when the client has read the first answer: a MISS is asked
    again, twice at most (a page it never keeps stays a MISS)."""
    for _ in range(3):
        answer = cache_status(url)
        if answer[1] != "MISS":
            break
        time.sleep(0.05)
    return answer


def measure(upstream: str, work: Path, pages: dict[str, str], load, chosen) -> dict:
    """Each page through nginx under load, and nginx's static-file ceiling (first and last).
    `load(url, seconds, connections)` is the benchmark's load generator."""
    found = {"pages": {}, "ceilings": []}
    with nginx(upstream, work / "nginx", static=work / "static") as base:
        for name in ["static file", *pages, "static file"]:
            path = pages.get(name, "/static/bench/article.html")
            cache_status(base + path)  # fills the microcache
            answer = cache_status_once_kept(base + path)
            if chosen.warmup:
                load(base + path, chosen.warmup, chosen.connections)
            result = load(base + path, chosen.seconds, chosen.connections)
            if name == "static file":
                found["ceilings"].append(result.rps)
            else:
                found["pages"][name] = (answer, result)
    return found


def report(found: dict, target: float) -> list[str]:
    """Print the through-nginx table; returns the targets missed."""
    if not found:
        return []
    ceiling = statistics.mean(found["ceilings"]) or 1
    print(
        f"\nThrough nginx (deploy/nginx/valoa.conf, its microcache), beside the static file "
        f"served by that nginx itself\n({' and '.join(f'{r:.0f}' for r in found['ceilings'])} "
        "requests/s, first and last; the mean is the ceiling):"
    )
    header = (
        f"{'page':<17}{'status':>7}{'nginx':>9}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'ratio':>7}"
    )
    print(header + "\n" + "-" * len(header))
    missed = []
    for name, ((status, cached, control), result) in found["pages"].items():
        ratio = result.rps / ceiling
        private = any(word in control for word in ("no-store", "private"))
        print(
            f"{name:<17}{status:>7}{cached:>9}{result.rps:>9.0f}{result.p50_ms:>8.1f}"
            f"{result.p99_ms:>8.1f}{ratio:>7.2f}"
            + ("  (private: never shared, by design)" if private else "")
            + (f"  ({result.errors} errors)" if result.errors else "")
        )
        if status == 200 and not private and ratio < target:
            missed.append(f"{name} through nginx: {ratio:.2f} of nginx's static-file rate")
    print(
        "nginx: X-Cache-Status of a second anonymous GET (HIT: answered by nginx itself); "
        "ratio: requests/s over the static file's."
    )
    return missed
