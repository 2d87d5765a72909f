"""The search finds what Finnish readers mean: recall at 10 of at least 95 % for every kind of
query of the test set (tests/valoa/search_test_set.py) over the demo content, on SQLite and on
PostgreSQL, and nothing for words in no text. The current database is measured here; the
other one in a process of its own (a temporary SQLite file, or a throwaway PostgreSQL server
where its binaries are installed). Run with -s to see the table."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from tests.background import Work, runs
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin
from tests.valoa.search_test_set import KINDS, measure, table

ROOT = Path(__file__).resolve().parents[2]
LEAST = 0.95


def assert_finds_enough(measured: dict, database: str) -> None:
    result = measured[database]
    for kind in KINDS:
        assert result["recall"][kind] >= LEAST, (database, kind, result["missed"])
    assert result["false_hits"] == [], database


def measured_elsewhere(url: str) -> dict:
    finished = subprocess.run(
        [sys.executable, "-m", "tests.valoa.search_test_set"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True,
        timeout=600, check=True,
    )  # fmt: skip
    return json.loads(finished.stdout.splitlines()[-1])


@pytest.mark.django_db
def test_recall_on_this_database():
    measured = measure()
    print("\n" + table(measured))

    assert_finds_enough(measured, connection.vendor)


def measured_on_sqlite() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        return measured_elsewhere(f"sqlite:///{folder}/recall.sqlite3")


ON_SQLITE = Work(measured_on_sqlite, when=lambda: connection.vendor == "postgresql")


@runs(ON_SQLITE)
def test_recall_on_the_other_database():
    if connection.vendor == "postgresql":
        assert_finds_enough(ON_SQLITE.result(), "sqlite")
        return
    if (bin_dir := postgres_bin()) is None:
        pytest.skip("PostgreSQL's server binaries are not installed")
    server = ThrowawayPostgres(bin_dir)
    try:
        server.create()
        measured = measured_elsewhere(server.url)
    finally:
        server.remove()
    print("\n" + table(measured))
    assert_finds_enough(measured, "postgresql")
