"""Run the site as a real server for tests and benchmarks: gunicorn on 127.0.0.1."""

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

from tests.throwaway_postgres import free_port

ROOT = Path(__file__).resolve().parents[1]


def site_env(database_url: str, **settings: str) -> dict:
    """The environment of a site process: this database, development defaults, overrides
    (which may replace the defaults too, e.g. DEBUG="0")."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DATABASE_URL": database_url, "DEBUG": "1", "LOG_LEVEL": "WARNING", **settings})
    return env


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


@contextlib.contextmanager
def gunicorn(
    env: dict,
    workers: int = 1,
    threads: int = 1,
    log: Path | None = None,
    options: Sequence[str] = (),
) -> Iterator[str]:
    """Serve the site until the block ends; yields its base URL once /healthz answers.

    `options` are more gunicorn command-line options, e.g. ["--worker-class", "gthread"]."""
    port = free_port()
    errors = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "valoa.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads), "--timeout", "30", *options],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a busy machine: the workers' exit may lag
            server.kill()
            server.wait()
        if log:
            errors.close()


def gunicorn_workers(base: str) -> list[int]:
    """Process ids of the workers of the gunicorn serving `base` (Linux: read from /proc)."""
    bind = f"127.0.0.1:{base.rsplit(':', 1)[1]}".encode()
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
            status = (entry / "status").read_text()
        except OSError:  # ended meanwhile
            continue
        if b"gunicorn" in b" ".join(arguments) and bind in arguments:
            parents[int(entry.name)] = int(status.split("PPid:")[1].split()[0])
    # Workers are forked from the master, so they share its command line; their parent is it.
    return sorted(pid for pid, parent in parents.items() if parent in parents)


def resident_megabytes(pid: int) -> float:
    """Resident memory (VmRSS) of a process in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def private_megabytes(pid: int) -> float:
    """The part of a process's resident memory that no other process shares, in MB: what one
    more worker costs (Linux 4.14+; 0 where /proc does not tell)."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0.0
    private = [line for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:"))]
    return sum(int(line.split()[1]) for line in private) / 1024
