"""Site-wide guards: migrations complete, one <h1> a page, production settings pass checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import make_article, make_comment
from tests.form_pages import parse
from tests.page_checks import inline_scripts, styled_elements

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_every_public_page_has_exactly_one_h1_and_a_main_landmark(client):
    article = make_article()
    make_comment(article)
    pages = [
        "/",
        "/oivallukset/",
        article.get_absolute_url(),
        "/innostu/",
        "/tyokirja/",
        "/tietosuoja/",
        "/saavutettavuus/",
        "/ei-ole-olemassa/",
    ]
    for url in pages:
        page = parse(client.get(url).content.decode())
        assert len(page.find_all("h1")) == 1, url
        assert page.find("main", id="sisalto"), url
        assert page.find("a", class_="skip-link", href="#sisalto"), url
        assert page.html.get("lang") == "fi", url


@pytest.mark.django_db
def test_pages_carry_no_inline_scripts(client):
    article = make_article()
    for url in ["/", "/oivallukset/", article.get_absolute_url()]:
        page = parse(client.get(url).content.decode())
        assert inline_scripts(page) == [], url
        assert styled_elements(page) == [], url


@pytest.mark.django_db
def test_responses_carry_a_content_security_policy_without_unsafe_inline(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def production_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="tuotanto-" + "x" * 60,
        ALLOWED_HOSTS="valoa.example.fi",
        DATABASE_URL="postgres://valoa@db.example.fi/valoa",
        MODERATOR_EMAILS="toimitus@example.fi",
        **extra,
    )
    return env


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_fails_at_start_up():
    env = production_env()
    del env["SECRET_KEY"]

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
