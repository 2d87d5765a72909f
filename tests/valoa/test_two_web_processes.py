"""Web processes keep no state of their own: two gunicorns on two ports, one database and one
cache, and what is done through one is seen through the other (pages within a quarter of a
second: each process trusts the cache generation it read for PAGE_CACHE_LOCAL_MS)."""

import itertools
import socket
import time

import pytest
import redis

from tests.background import Work, runs
from tests.site_client import SiteClient
from tests.site_server import gunicorns, manage, site_env
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin

BIN = postgres_bin()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BIN is None, reason="PostgreSQL server binaries not installed"),
]
ARTICLE = "/oivallukset/kahden-koneen-testi/"
COPIES = itertools.count()
SEED = """
from django.contrib.auth.models import Group, User
from insights.models import Article, Author
Article.objects.create(slug="kahden-koneen-testi", title="Kaksi konetta", lead="x", body="x",
    author=Author.objects.create(name="x", slug="x"), status="published")
editor = User.objects.create_user("toimittaja", password="salasana-pitka-123", is_staff=True)
editor.groups.add(Group.objects.get(name="Toimittajat"))
"""


def redis_available() -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


CACHES = [
    pytest.param({}, id="database-cache"),
    pytest.param(
        {"REDIS_URL": "redis://127.0.0.1:6379/15"},
        id="redis",
        marks=pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379"),
    ),
]


def seeded_server() -> ThrowawayPostgres:
    server = ThrowawayPostgres(BIN)
    try:
        server.create()
        env = site_env(server.url)
        manage(env, "migrate", "--noinput")
        # The database cache is a table: every copy of the database starts with it empty.
        manage(env, "shell", "-c", SEED + "from django.core.cache import cache; cache.clear()")
    except BaseException:
        server.remove()
        raise
    return server


SEEDED = Work(seeded_server, discard=ThrowawayPostgres.remove)


@pytest.fixture(scope="module")
def database():
    """One throwaway server for the module, its database migrated and seeded once, in the
    background while the session runs other tests (tests/background.py)."""
    server = SEEDED.result()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture(params=CACHES)
def two_sites(request, database):
    """Two gunicorns on a fresh copy of the seeded database, with an empty cache."""
    url = database.copy_database(f"site_{next(COPIES)}")
    env = site_env(url, RATE_LIMIT_POSTS="2", FORM_MIN_SECONDS="0", **request.param)
    if "REDIS_URL" in request.param:
        redis.Redis.from_url(request.param["REDIS_URL"]).flushdb()  # what cache.clear() does
    with gunicorns(env, 2) as (first, second):
        yield first, second


def comment(base: str, body: str, address_client: SiteClient | None = None):
    client = address_client or SiteClient(base)
    return client.submit(ARTICLE, {"name": "Lukija", "email": "l@example.fi", "body": body})


@runs(SEEDED)
def test_rate_limit_counts_posts_made_through_either_process(two_sites):
    first, second = two_sites

    assert comment(first, "yksi")[0] == 302
    assert comment(second, "kaksi")[0] == 302
    assert comment(first, "kolme")[0] == 429


@runs(SEEDED)
def test_a_workbook_started_through_one_continues_through_the_other(two_sites):
    first, second = two_sites

    status, _, headers = SiteClient(first).submit("/tyokirja/", {"mode": "solo", "name": "Tiimi"})
    assert status == 302
    workbook_path = headers["Location"]

    status, page, _ = SiteClient(second).get(workbook_path)
    assert status == 200
    assert "Tiimi" in page


@runs(SEEDED)
def test_a_moderation_decision_through_one_is_seen_through_the_other(two_sites):
    first, second = two_sites
    reader = SiteClient(first)
    assert comment(first, "Hyväksyttävä ajatus")[0] == 302
    assert "Hyväksyttävä ajatus" not in reader.get(ARTICLE)[1]  # also fills the page cache

    editor = SiteClient(second)
    assert (
        editor.submit(
            "/admin/login/?next=/admin/",
            {"username": "toimittaja", "password": "salasana-pitka-123"},
        )[0]
        == 302
    )
    changelist = "/admin/insights/comment/?status__exact=pending"
    page = editor.get(changelist)[1]
    comment_id = page.split('name="_selected_action" value="')[1].split('"')[0]
    editor.post(
        changelist,
        {
            **SiteClient.form_tokens(page),
            "action": "approve",
            "_selected_action": comment_id,
        },
    )

    # The reader's process trusts the generation it read for PAGE_CACHE_LOCAL_MS (250 ms).
    deadline = time.monotonic() + 2
    while "Hyväksyttävä ajatus" not in reader.get(ARTICLE)[1] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Hyväksyttävä ajatus" in reader.get(ARTICLE)[1]
