"""The load test runs (tiny size) and finds every successful post stored exactly once."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.throwaway_postgres import postgres_bin

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL server binaries not installed")
def test_forms_under_load_with_a_database_restart_lose_and_double_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "bench.forms_under_load", "--seconds", "6", "--clients", "4"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "duplicates 0, lost 0" in result.stdout
