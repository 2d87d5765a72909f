"""Run the site as a real server for tests and benchmarks: gunicorn on 127.0.0.1."""

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
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
    with gunicorns(env, 1, workers, threads, log, options) as (base,):
        yield base


@contextlib.contextmanager
def gunicorns(
    env: dict,
    count: int,
    workers: int = 1,
    threads: int = 1,
    log: Path | None = None,
    options: Sequence[str] = (),
) -> Iterator[list[str]]:
    """`count` separate gunicorns of the same site, started side by side (each start loads the
    whole application); yields their base URLs once every /healthz answers. A `log` is shared."""
    errors = log.open("w") if log else subprocess.DEVNULL
    servers = []
    try:
        ports = set()
        while len(ports) < count:  # not yet bound: free_port() could give one twice
            ports.add(free_port())
        for port in ports:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "valoa.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(workers), "--threads", str(threads), "--timeout", "30",
                 *options],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors,
            )  # fmt: skip
            servers.append((server, f"http://127.0.0.1:{port}"))
        for server, base in servers:
            _wait_until_healthy(server, base)
        yield [base for _, base in servers]
    finally:
        for server, _ in servers:
            server.terminate()
        for server, _ in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a busy machine: the workers' exit may lag
                server.kill()
                server.wait()
        if log:
            errors.close()


def _wait_until_healthy(server: subprocess.Popen, base: str, seconds: float = 60) -> None:
    """Until /healthz answers 200. One that keeps answering an error is served anyway after
    30 s (a test may start the site with a dependency down); a server that exits or does not
    answer at all is an error."""
    started = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return
        except urllib.error.HTTPError:
            if time.monotonic() - started > 30:
                return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn at {base} exited with {server.returncode}") from None
            if time.monotonic() - started > seconds:
                raise RuntimeError(f"gunicorn at {base} did not answer in {seconds} s") from None
        time.sleep(0.05)


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
