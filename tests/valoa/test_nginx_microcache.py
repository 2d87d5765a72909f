"""The shipped nginx configuration (deploy/nginx/valoa.conf) in front of gunicorn: anonymous
readers' repeated requests are answered by nginx itself, but never an editor's page, never a
workbook's page, and an approved comment still shows within the promised time (the
microcache's copy, under two seconds, and the app's 250 ms)."""

import os
import time

import pytest

from bench import nginx as shipped
from tests.background import Work, runs
from tests.site_client import SiteClient
from tests.site_server import gunicorn, manage, site_env
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin

BIN = postgres_bin()
REQUIRED = os.environ.get("VALOA_REQUIRE_BROWSER") == "1"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BIN is None, reason="PostgreSQL server binaries not installed"),
    pytest.mark.skipif(
        not shipped.available() and not REQUIRED, reason=f"{shipped.NGINX} not installed"
    ),
]
ARTICLE = "/oivallukset/nginxin-takana/"
SEED = """
from django.contrib.auth.models import Group, User
from insights.models import Article, Author
from workbook.models import Workbook
Article.objects.create(slug="nginxin-takana", title="Nginxin takana", lead="x", body="x",
    author=Author.objects.create(name="x", slug="x"), status="published")
editor = User.objects.create_user("toimittaja", password="salasana-pitka-123", is_staff=True)
editor.groups.add(Group.objects.get(name="Toimittajat"))
from django.urls import reverse
team = Workbook.start(Workbook.Mode.TEAM, "Tiimi")
print(reverse("workbook:summary", kwargs={"token": team.token}))
"""
# A microcache copy (under 2 s: nginx counts whole seconds), the app's PAGE_CACHE_LOCAL_MS and
# room for a slow machine.
SHOWS_WITHIN = 4


def seeded_server() -> tuple[ThrowawayPostgres, str]:
    """A throwaway server, migrated and seeded; the team workbook's summary page."""
    database = ThrowawayPostgres(BIN)
    try:
        database.create()
        env = site_env(database.url)
        manage(env, "migrate", "--noinput")
        workbook = manage(env, "shell", "-c", SEED).strip().splitlines()[-1]
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    except BaseException:
        database.remove()
        raise
    return database, workbook


SEEDED = Work(seeded_server, discard=lambda made: made[0].remove())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not shipped.available():
        pytest.fail(f"{shipped.NGINX} is required (VALOA_REQUIRE_BROWSER=1)")
    database, workbook = SEEDED.result()  # made in the background (tests/background.py)
    env = site_env(database.url, FORM_MIN_SECONDS="0")
    try:
        with (
            gunicorn(env) as upstream,
            shipped.nginx(upstream, tmp_path_factory.mktemp("nginx")) as base,
        ):
            yield base, workbook
    finally:
        database.remove()


def cache_status(base: str, path: str) -> str:
    return shipped.cache_status(base + path)[1]


def cache_status_once_kept(base: str, path: str) -> str:
    return shipped.cache_status_once_kept(base + path)[1]


def editor(base: str) -> SiteClient:
    client = SiteClient(base)
    login = "/admin/login/?next=/admin/"
    fields = {"username": "toimittaja", "password": "salasana-pitka-123"}
    assert client.submit(login, fields)[0] == 302
    return client


@runs(SEEDED)
def test_a_second_anonymous_request_is_answered_by_nginx(site):
    base, _ = site

    assert cache_status(base, ARTICLE + "?toinen") in ("MISS", "EXPIRED")
    assert cache_status_once_kept(base, ARTICLE + "?toinen") == "HIT"


@runs(SEEDED)
def test_an_editors_page_is_never_served_from_or_stored_in_nginx(site):
    base, _ = site
    cache_status(base, ARTICLE)
    client = editor(base)

    status, _, headers = client.get(ARTICLE)
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"
    status, _, headers = client.get(ARTICLE + "?toimittaja-ensin")
    assert headers["X-Cache-Status"] == "BYPASS"
    # What the editor's request fetched was not kept for readers.
    assert cache_status(base, ARTICLE + "?toimittaja-ensin") == "MISS"


@runs(SEEDED)
def test_an_approved_comment_shows_through_nginx_within_the_promised_time(site):
    base, _ = site
    text = "Nginxin läpi hyväksytty ajatus"
    fields = {"name": "Lukija", "email": "l@example.fi", "body": text}
    assert SiteClient(base).submit(ARTICLE, fields)[0] == 302
    assert text not in SiteClient(base).get(ARTICLE)[1]
    assert cache_status_once_kept(base, ARTICLE) == "HIT"

    client = editor(base)
    changelist = "/admin/insights/comment/?status__exact=pending"
    page = client.get(changelist)[1]
    comment_id = page.split('name="_selected_action" value="')[1].split('"')[0]
    approval = {**SiteClient.form_tokens(page), "action": "approve", "_selected_action": comment_id}
    assert client.post(changelist, approval)[0] == 302

    deadline = time.monotonic() + SHOWS_WITHIN
    while text not in SiteClient(base).get(ARTICLE)[1] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert text in SiteClient(base).get(ARTICLE)[1]


@runs(SEEDED)
def test_a_workbook_page_is_never_cached(site):
    # Its summary is in the app's page cache, but marked no-store: never kept by nginx.
    base, workbook = site

    answers = [shipped.cache_status(base + workbook) for _ in range(3)]

    assert {status for status, _, _ in answers} == {200}
    assert all(cached != "HIT" and "no-store" in control for _, cached, control in answers)
