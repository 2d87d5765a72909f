"""On SQLite (the default of `make run`) posts that arrive at the same moment, a double click
among them, are all answered and stored once: no "database is locked" 503."""

import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from tests.background import Work, runs
from tests.site_client import SiteClient
from tests.site_server import gunicorn, manage, site_env

ARTICLE = "/oivallukset/samanaikaiset/"
SEED = """
from insights.models import Article, Author
Article.objects.create(slug="samanaikaiset", title="Samanaikaiset", lead="x", body="x",
    author=Author.objects.create(name="x", slug="x"), status="published")
"""


def seeded_database() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="valoa-sqlite-"))
    try:
        env = site_env(f"sqlite:///{folder / 'db.sqlite3'}")
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", SEED)
    except BaseException:
        shutil.rmtree(folder)
        raise
    return folder


SEEDED = Work(seeded_database, discard=shutil.rmtree)


@pytest.fixture
def site():
    folder = SEEDED.result()
    env = site_env(
        f"sqlite:///{folder / 'db.sqlite3'}", RATE_LIMIT_POSTS="1000", FORM_MIN_SECONDS="0"
    )
    try:
        with gunicorn(env, workers=2, threads=4) as base:
            yield base, env
    finally:
        shutil.rmtree(folder)


@runs(SEEDED)
def test_double_clicks_at_the_same_moment_are_all_answered_and_stored_once(site):
    base, env = site
    people = [SiteClient(base) for _ in range(4)]
    forms = []
    for number, person in enumerate(people):
        _, page, _ = person.get(ARTICLE)
        fields = {
            "name": f"Lukija {number}",
            "email": "l@example.fi",
            "body": f"rinnakkain-{number}",
        }
        forms.append((person, {**SiteClient.form_tokens(page), **fields}))
    start = threading.Barrier(len(forms) * 2)
    statuses = []

    def click(person, form) -> None:
        start.wait()
        statuses.append(person.post(ARTICLE, form)[0])

    clicks = [threading.Thread(target=click, args=pair) for pair in forms for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()

    assert statuses == [302] * len(clicks)
    stored = manage(
        env,
        "shell",
        "-c",
        "from insights.models import Comment\n"
        "print(sorted(Comment.objects.values_list('body', flat=True)))",
    )
    assert stored.strip().splitlines()[-1] == str([f"rinnakkain-{number}" for number in range(4)])
