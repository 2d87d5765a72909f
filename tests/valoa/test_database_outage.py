"""PostgreSQL stops while the site serves: readable 503 in seconds, recovery without restart.

This starts a real, throwaway PostgreSQL server and the site under gunicorn, then stops and
starts the database underneath it.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.throwaway_postgres import ThrowawayPostgres, free_port, postgres_bin

ROOT = Path(__file__).resolve().parents[2]
BIN = postgres_bin()
pytestmark = pytest.mark.skipif(BIN is None, reason="PostgreSQL server binaries not installed")


def fetch(url: str) -> tuple[int, str, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, body, time.monotonic() - started


def wait_for(url: str, status: int, seconds: float = 20) -> int:
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = fetch(url)[0]
        except (urllib.error.URLError, ConnectionError):
            last = None
        if last == status:
            return last
        time.sleep(0.3)
    return last


@pytest.fixture
def database():
    server = ThrowawayPostgres(BIN)
    server.create()
    yield server
    server.remove()


@pytest.fixture
def site(database):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database.url,
        "DEBUG": "1",
        "CONN_MAX_AGE": "60",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "valoa.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    assert wait_for(base + "/healthz", 200) == 200
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_database_outage_gives_503_quickly_and_the_site_recovers_by_itself(site, database):
    assert fetch(site + "/oivallukset/")[0] == 200

    database.stop()
    status, body, seconds = fetch(site + "/oivallukset/")
    health = fetch(site + "/healthz")[0]

    assert status == 503
    assert "Palvelu on hetken poissa käytöstä" in body
    assert "Traceback" not in body
    assert seconds < 5
    assert health == 503

    database.start()

    assert wait_for(site + "/oivallukset/", 200) == 200
    assert fetch(site + "/healthz")[0] == 200
