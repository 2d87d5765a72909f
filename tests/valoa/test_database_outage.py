"""PostgreSQL stops while the site serves: readable 503 in seconds, recovery without restart.

This starts a real, throwaway PostgreSQL server and the site under gunicorn, then stops and
starts the database underneath it.
"""

import time

import pytest

from tests.background import Work, runs
from tests.site_client import SiteClient
from tests.site_server import gunicorn, manage, site_env
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin

BIN = postgres_bin()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BIN is None, reason="PostgreSQL server binaries not installed"),
]


def wait_for(client: SiteClient, path: str, status: int, seconds: float = 20) -> int:
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        last = client.get(path)[0]
        if last == status:
            break
        time.sleep(0.3)
    return last


def migrated_server() -> ThrowawayPostgres:
    server = ThrowawayPostgres(BIN)
    try:
        server.create()
        manage(site_env(server.url), "migrate", "--noinput")
    except BaseException:
        server.remove()
        raise
    return server


MIGRATED = Work(migrated_server, discard=ThrowawayPostgres.remove)


@pytest.fixture
def database():
    server = MIGRATED.result()
    yield server
    server.remove()


@pytest.fixture
def site(database):
    env = site_env(database.url, CONN_MAX_AGE="60")
    with gunicorn(env) as base:
        yield SiteClient(base)


@runs(MIGRATED)
def test_database_outage_gives_503_quickly_and_the_site_recovers_by_itself(site, database):
    assert site.get("/oivallukset/")[0] == 200

    database.stop()
    started = time.monotonic()
    # A page the process has not served yet (one it served a moment ago may come from memory).
    status, body, _ = site.get("/innostu/")
    seconds = time.monotonic() - started
    health = site.get("/healthz")[0]

    assert status == 503
    assert "Palvelu on hetken poissa käytöstä" in body
    assert "Traceback" not in body
    assert seconds < 5
    assert health == 503

    database.start()

    assert wait_for(site, "/oivallukset/", 200) == 200
    assert site.get("/healthz")[0] == 200
