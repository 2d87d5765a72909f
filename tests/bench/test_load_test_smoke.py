"""The load test runs (tiny size) and finds every successful post stored exactly once."""

import sys

import pytest

from tests.background import Command, runs
from tests.throwaway_postgres import postgres_bin

LOAD = Command(
    [sys.executable, "-m", "bench.forms_under_load", "--seconds", "6", "--clients", "4"],
    timeout=180,
)


@pytest.mark.slow
@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL server binaries not installed")
@runs(LOAD)
def test_forms_under_load_with_a_database_restart_lose_and_double_nothing():
    result = LOAD.result()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "duplicates 0, lost 0" in result.stdout
