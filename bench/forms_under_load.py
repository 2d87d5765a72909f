"""Load test: many concurrent commenters for a bounded time while PostgreSQL restarts once.

Runs only against 127.0.0.1: a throwaway PostgreSQL server in a temporary folder and the site
under gunicorn. Every request that got a success answer must have exactly one row; every
failure must have got a clear error page. Prints the figures and exits non-zero otherwise.

    python -m bench.forms_under_load --seconds 60 --clients 16
"""

import argparse
import collections
import http.cookiejar
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.throwaway_postgres import ThrowawayPostgres, free_port, postgres_bin  # noqa: E402

ARTICLE = "/oivallukset/kuormitustesti/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="aloitettu" value="([^"]+)"')
CLEAR_ERRORS = {503: "Palvelu on hetken poissa käytöstä", 429: "Liian monta viestiä"}


def site_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "1",
        "FORM_MIN_SECONDS": "0",
        # Abuse limits relaxed for the benchmark only: every poster comes from 127.0.0.1.
        "RATE_LIMIT_POSTS": "1000000000",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


SEED = """
from insights.models import Article
Article.objects.update_or_create(slug="kuormitustesti", defaults=dict(
    title="Kuormitustesti", lead="Kuormitustesti.", body="Teksti.", author_name="Testi",
    status="published"))
"""


class Poster(threading.Thread):
    """One commenter: loads the article, posts a comment, retries the same form on failure."""

    def __init__(self, base: str, number: int, until: float, results: list, lock):
        super().__init__(daemon=True)
        self.base, self.number, self.until = base, number, until
        self.results, self.lock = results, lock
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect()
        )

    def request(self, url: str, data: bytes | None = None) -> tuple[int, str]:
        try:
            with self.opener.open(url, data=data, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error)

    def run(self) -> None:
        sequence = 0
        while time.monotonic() < self.until:
            status, page = self.request(self.base + ARTICLE)
            csrf, started = CSRF.search(page), STARTED.search(page)
            if status != 200 or not (csrf and started):
                self.record("GET", status, page, None)
                time.sleep(0.2)
                continue
            sequence += 1
            marker = f"kuorma-{self.number}-{sequence}"
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": csrf.group(1),
                    "aloitettu": started.group(1),
                    "kotisivu": "",
                    "name": f"Kuormittaja {self.number}",
                    "email": f"k{self.number}@example.fi",
                    "body": marker,
                }
            ).encode()
            status, page = self.request(self.base + ARTICLE, form)
            for _ in range(5):
                if status == 302:
                    break
                # A person would wait a moment and press "send" again: the same form, the
                # same time-trap token, so a comment stored before the error is not doubled.
                self.record("POST", status, page, marker)
                time.sleep(1)
                status, page = self.request(self.base + ARTICLE, form)
            self.record("POST", status, page, marker)

    def record(self, method: str, status: int, page: str, marker: str | None) -> None:
        clear = status in (200, 302) or CLEAR_ERRORS.get(status, "\0") in page
        with self.lock:
            self.results.append((method, status, clear, marker))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    options = parser.parse_args()

    bin_dir = postgres_bin()
    if bin_dir is None:
        print("PostgreSQL server binaries are needed (apt-get install postgresql).")
        return 2
    database = ThrowawayPostgres(bin_dir)
    database.create()
    env = site_env(database.url)
    port = free_port()
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", SEED)
        log = (database.folder / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "valoa.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--threads", "4", "--timeout", "30"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)

        results: list = []
        lock = threading.Lock()
        until = time.monotonic() + options.seconds
        posters = [Poster(base, n, until, results, lock) for n in range(options.clients)]
        for poster in posters:
            poster.start()
        time.sleep(options.seconds / 2)
        restart_started = time.monotonic()
        database.stop()
        time.sleep(min(2.0, options.seconds / 10))
        database.start()
        restart_seconds = time.monotonic() - restart_started
        for poster in posters:
            poster.join()

        rows = collections.Counter(stored_markers(env))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        database.remove()

    posts = [r for r in results if r[0] == "POST"]
    succeeded = {marker for _, status, _, marker in posts if status == 302}
    statuses = collections.Counter(status for _, status, _, _ in results)
    unclear = sum(1 for _, _, clear, _ in results if not clear)
    duplicates = sum(count - 1 for count in rows.values() if count > 1)
    lost = len(succeeded - set(rows))
    stored_without_success = len(set(rows) - succeeded)
    print(f"clients {options.clients}, {options.seconds:.0f} s, PostgreSQL restarted once "
          f"({restart_seconds:.1f} s down)")  # fmt: skip
    print(
        f"requests {len(results)} (POST {len(posts)}), by status {dict(sorted(statuses.items()))}"
    )
    print(f"successes {len(succeeded)}, rows {sum(rows.values())}, duplicates {duplicates}, "
          f"lost {lost}, stored without a success answer {stored_without_success}, "
          f"failures without a clear error page {unclear}")  # fmt: skip
    return 0 if duplicates == 0 and lost == 0 and unclear == 0 and succeeded else 1


def stored_markers(env: dict) -> list[str]:
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from insights.models import Comment\n"
         "print('\\n'.join(Comment.objects.filter(body__startswith='kuorma-')"
         ".values_list('body', flat=True)))"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [line for line in output.splitlines() if line.startswith("kuorma-")]


if __name__ == "__main__":
    sys.exit(main())
