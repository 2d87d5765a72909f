"""On SQLite (the default of `make run`) posts that arrive at the same moment, a double click
among them, are all answered and stored once: no "database is locked" 503."""

import threading

import pytest

from tests.site_client import SiteClient
from tests.site_server import gunicorn, manage, site_env

ARTICLE = "/oivallukset/samanaikaiset/"
SEED = """
from insights.models import Article, Author
Article.objects.create(slug="samanaikaiset", title="Samanaikaiset", lead="x", body="x",
    author=Author.objects.create(name="x", slug="x"), status="published")
"""


@pytest.fixture
def site(tmp_path):
    env = site_env(
        f"sqlite:///{tmp_path / 'db.sqlite3'}", RATE_LIMIT_POSTS="1000", FORM_MIN_SECONDS="0"
    )
    manage(env, "migrate", "--noinput")
    manage(env, "shell", "-c", SEED)
    with gunicorn(env, workers=2, threads=4) as base:
        yield base, env


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
