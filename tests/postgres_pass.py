"""`make test`'s second pass: the PostgreSQL-only tests (full-text search) on a throwaway
PostgreSQL server, when the first pass ran on SQLite and skipped them.

    python -m tests.postgres_pass [pytest arguments]

Does nothing when DATABASE_URL points at PostgreSQL (the first pass ran them: CI), and says
so when PostgreSQL's server binaries are not installed.
"""

import os
import subprocess
import sys

import dj_database_url

from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin

NO_TESTS_COLLECTED = 5


def main(args: list[str]) -> int:
    url = os.environ.get("DATABASE_URL")
    if url and dj_database_url.parse(url)["ENGINE"] == "django.db.backends.postgresql":
        return 0
    bin_dir = postgres_bin()
    if bin_dir is None:
        print(
            "The PostgreSQL-only tests were skipped: no PostgreSQL server binaries "
            "(apt-get install postgresql)."
        )
        return 0
    server = ThrowawayPostgres(bin_dir)
    try:
        server.create()
        print(f"The PostgreSQL-only tests on a throwaway server ({bin_dir}):", flush=True)
        # `-m postgres` last: it wins over a marker expression in the arguments.
        code = subprocess.call(
            [sys.executable, "-m", "pytest", *args, "-m", "postgres"],
            env={**os.environ, "DATABASE_URL": server.url},
        )
    finally:
        server.remove()
    # Arguments that select only other tests (`make test PYTEST_ARGS=tests/workbook`).
    return 0 if code == NO_TESTS_COLLECTED else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
