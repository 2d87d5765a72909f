"""Load test: concurrent commenters and contributors, bounded in time, PostgreSQL restarted once.

Runs only against 127.0.0.1: a throwaway PostgreSQL server in a temporary folder and the site
under gunicorn. Every request that got a success answer must have exactly one row; every
failure must have got a clear error page. Prints the figures and exits non-zero otherwise.

    python -m bench.forms_under_load --seconds 60 --clients 16
"""

import argparse
import collections
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.site_client import SiteClient  # noqa: E402
from tests.site_server import gunicorn, manage, site_env  # noqa: E402
from tests.throwaway_postgres import ThrowawayPostgres, postgres_bin  # noqa: E402

ARTICLE = "/oivallukset/kuormitustesti/"
STORY_FORM = "/innostu/kerro/"
CLEAR_ERRORS = {503: "Palvelu on hetken poissa käytöstä", 429: "Liian monta viestiä"}


SEED = """
from insights.models import Article, Author
author, _ = Author.objects.get_or_create(slug="testi", defaults={"name": "Testi"})
Article.objects.update_or_create(slug="kuormitustesti", defaults=dict(
    title="Kuormitustesti", lead="Kuormitustesti.", body="Teksti.", author=author,
    status="published"))
"""


def comment_fields(number: int, marker: str) -> dict:
    return {"name": f"Kuormittaja {number}", "email": f"k{number}@example.fi", "body": marker}


def story_fields(number: int, marker: str) -> dict:
    return {
        "name": f"Kertoja {number}",
        "email": f"s{number}@example.fi",
        "organisation": "Kuormituslan kunta",
        "kind": "kokeilu",
        "title": f"Kuormituskokeilu {number}",
        "story": marker,
        "consent": "on",
    }


# (where the form is, what a person fills in): half comment, half send their story.
FORMS = [(ARTICLE, comment_fields), (STORY_FORM, story_fields)]


class Poster(threading.Thread):
    """One person: loads a form, sends it, and on failure sends the same form again."""

    def __init__(self, base: str, number: int, until: float, results: list, lock):
        super().__init__(daemon=True)
        self.client = SiteClient(base)
        self.number, self.until = number, until
        self.path, self.fields = FORMS[number % len(FORMS)]
        self.results, self.lock = results, lock

    def run(self) -> None:
        sequence = 0
        while time.monotonic() < self.until:
            status, page, _ = self.client.get(self.path)
            tokens = SiteClient.form_tokens(page)
            if status != 200 or "aloitettu" not in tokens:
                self.record("GET", status, page, None)
                time.sleep(0.2)
                continue
            sequence += 1
            marker = f"kuorma-{self.number}-{sequence}"
            form = {**tokens, **self.fields(self.number, marker)}
            status, page, _ = self.client.post(self.path, form)
            for _ in range(5):
                if status == 302:
                    break
                # A person would wait a moment and press "send" again: the same form, the
                # same time-trap token, so a comment stored before the error is not doubled.
                self.record("POST", status, page, marker)
                time.sleep(1)
                status, page, _ = self.client.post(self.path, form)
            self.record("POST", status, page, marker)

    def record(self, method: str, status: int, page: str, marker: str | None) -> None:
        clear = status in (200, 302) or CLEAR_ERRORS.get(status, "\0") in page
        with self.lock:
            self.results.append((method, status, clear, marker))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--log", type=Path, help="keep the site's log (gunicorn's stderr) here")
    options = parser.parse_args()

    bin_dir = postgres_bin()
    if bin_dir is None:
        print("PostgreSQL server binaries are needed (apt-get install postgresql).")
        return 2
    database = ThrowawayPostgres(bin_dir)
    database.create()
    # Abuse limits relaxed for the benchmark only: every poster comes from 127.0.0.1.
    env = site_env(database.url, FORM_MIN_SECONDS="0", RATE_LIMIT_POSTS="1000000000")
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", SEED)
        log = options.log or database.folder / "gunicorn.log"
        with gunicorn(env, workers=2, threads=4, log=log) as base:
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
        database.remove()

    posts = [r for r in results if r[0] == "POST"]
    succeeded = {marker for _, status, _, marker in posts if status == 302}
    statuses = collections.Counter(status for _, status, _, _ in results)
    unclear = sum(1 for _, _, clear, _ in results if not clear)
    duplicates = sum(count - 1 for count in rows.values() if count > 1)
    lost = len(succeeded - set(rows))
    stored_without_success = len(set(rows) - succeeded)
    print(
        f"clients {options.clients} (half commenters, half contributors), {options.seconds:.0f} s,"
        f" PostgreSQL restarted once ({restart_seconds:.1f} s down)"
    )
    print(
        f"requests {len(results)} (POST {len(posts)}), by status {dict(sorted(statuses.items()))}"
    )
    print(f"successes {len(succeeded)}, rows {sum(rows.values())}, duplicates {duplicates}, "
          f"lost {lost}, stored without a success answer {stored_without_success}, "
          f"failures without a clear error page {unclear}")  # fmt: skip
    return 0 if duplicates == 0 and lost == 0 and unclear == 0 and succeeded else 1


def stored_markers(env: dict) -> list[str]:
    output = manage(
        env,
        "shell",
        "-c",
        "from stories.models import Submission\n"
        "from insights.models import Comment\n"
        "comments = Comment.objects.filter(body__startswith='kuorma-')\n"
        "stories = Submission.objects.filter(story__startswith='kuorma-')\n"
        "print('\\n'.join([*comments.values_list('body', flat=True),"
        " *stories.values_list('story', flat=True)]))",
    )
    return [line for line in output.splitlines() if line.startswith("kuorma-")]


if __name__ == "__main__":
    sys.exit(main())
