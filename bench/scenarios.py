"""Two reader scenarios of the page benchmark (issue 18), measured through gunicorn.

- Approvals: readers spread over ARTICLES articles (Zipf-like popularity, s = 1) load the site
  with the page cache on: alone (first and last: the baseline), and while an editor posts the
  admin's approve action ("Hyväksy" on the comments' changelist, logged in, over HTTP) once a
  second, first changing nothing (a control: what the admin's requests cost), then approving
  one pending comment each time. An approval empties only its article's pages and the lists
  (scoped invalidation), so the readers' throughput should stay near the baseline. Every
  approved comment must then show to an anonymous reader.
- Cold crawl: every published article once (Finnish addresses), the page cache emptied first,
  at a small concurrency: the long tail that the page cache cannot help.

bench.pages runs these with its load generator; this module also runs inside the site's
environment to prepare the data (`--prepare`: an editor, pending comments, the addresses) and
to remove it afterwards (`--clean MARKER`), printing one JSON object each time.
"""

import argparse
import bisect
import dataclasses
import functools
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")

from tests.site_client import SiteClient  # noqa: E402

ARTICLES = 300  # articles the readers spread over
ZIPF_S = 1.0
EDITOR = "penkki-toimittaja"
MARKER = "penkki-hyvaksynta"  # the start of the pending comments' text
APPROVE_ACTION = "approve"  # insights.admin.ModerationActions.approve
TARGETS = {"approval_ratio": 0.80, "p99_ms": 100, "crawl_p99_ms": 100}
# wrk's LuaJIT: one state per thread, each seeded apart, each request's path drawn from the
# cumulative popularity table by binary search.
LUA = """local paths = {%s}
local cumulative = {%s}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
end
function init(args)
  math.randomseed(os.time() * 100 + number)
end
function request()
  local r, low, high = math.random(), 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < r then low = middle + 1 else high = middle end
  end
  return wrk.format("GET", paths[low])
end
"""


@dataclasses.dataclass(frozen=True)
class Spread:
    """Addresses with a popularity: each request picks one, the first the most often."""

    paths: tuple[str, ...]
    cumulative: tuple[float, ...]  # rising to 1.0

    @classmethod
    def zipf(cls, paths: list[str], s: float = ZIPF_S) -> "Spread":
        weights = [1 / rank**s for rank in range(1, len(paths) + 1)]
        total, running, cumulative = sum(weights), 0.0, []
        for weight in weights:
            running += weight / total
            cumulative.append(running)
        cumulative[-1] = 1.0
        return cls(tuple(paths), tuple(cumulative))

    def pick(self, rng: random.Random) -> str:
        return self.paths[bisect.bisect_left(self.cumulative, rng.random())]

    def lua(self) -> str:
        """A wrk script (`wrk -s`) that spreads its requests so."""
        return LUA % (
            ", ".join(json.dumps(path) for path in self.paths),
            ", ".join(f"{share:.9f}" for share in self.cumulative),
        )


# In the site's environment: data in, data out ----------------------------------------------


def prepare(pending: int, seed: int = 18) -> dict:
    """The articles read, most read first; every published one's address; `pending` comments
    waiting on random ones among those read; an editor with a fresh password."""
    from django.contrib.auth.models import Group, User
    from django.urls import reverse
    from django.utils.crypto import get_random_string

    from insights.models import Article, Comment
    from valoa.moderation import ModerationStatus
    from valoa.permissions import EDITORS_GROUP

    rng = random.Random(seed)
    published = list(Article.objects.published().order_by("pk").values_list("slug", flat=True))
    read = rng.sample(published, min(ARTICLES, len(published)))  # in order of popularity
    ids = dict(Article.objects.filter(slug__in=read).values_list("slug", "pk"))
    # Left by a run that stopped half-way: as if never there.
    Comment.objects.filter(body__startswith=MARKER).delete()
    marker = f"{MARKER}-{get_random_string(6).lower()}"
    targets = [rng.choice(read) for _ in range(pending)]  # evenly among the articles read
    comments = Comment.objects.bulk_create(
        Comment(
            article_id=ids[slug],
            name=f"Odottaja {number}",
            email=f"odottaja{number}@example.fi",
            body=f"{marker}-{number}. Hyvä kirjoitus, tästä olisi hyvä keskustella työpaikalla.",
            status=ModerationStatus.PENDING,
        )
        for number, slug in enumerate(targets)
    )
    password = get_random_string(32)
    editor, _ = User.objects.update_or_create(
        username=EDITOR, defaults={"is_staff": True, "is_superuser": False, "is_active": True}
    )
    editor.set_password(password)
    editor.save()
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    article = {slug: reverse("insights:article", kwargs={"slug": slug}) for slug in published}
    return {
        "readers": [article[slug] for slug in read],
        "crawl": list(article.values()),
        "pending": [
            {"pk": comment.pk, "path": article[slug], "text": f"{marker}-{number}."}
            for number, (comment, slug) in enumerate(zip(comments, targets, strict=True))
        ],
        "marker": marker,
        "editor": EDITOR,
        "password": password,
        "login": reverse("admin:login"),
        "changelist": reverse("admin:insights_comment_changelist"),
    }


def clean(marker: str) -> dict:
    """How the scenario's comments ended, then remove them and the editor."""
    from django.contrib.auth.models import User

    from insights.models import Comment

    comments = Comment.objects.filter(body__startswith=f"{marker}-")
    approved = comments.approved().count()
    for comment in comments:  # one by one: each approved one empties its pages, as in use
        comment.delete()
    User.objects.filter(username=EDITOR).delete()
    return {"approved": approved}


def site_call(env: dict, *arguments: str) -> dict:
    """This module run in the site's environment; its JSON answer."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.scenarios", *arguments],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=600,
    ).stdout  # fmt: skip
    return json.loads(output.splitlines()[-1])


def empty_page_cache(env: dict) -> None:
    site_call(env, "--empty-page-cache")


# Through HTTP -----------------------------------------------------------------------------


@dataclasses.dataclass
class Crawl:
    count: int
    errors: int  # answers other than 200, and socket errors
    p50_ms: float
    p99_ms: float
    max_ms: float
    seconds: float
    concurrency: int


def crawl(base: str, paths: list[str], concurrency: int) -> Crawl:
    """Load every address once, `concurrency` at a time, each over a kept-alive connection."""
    parts = urllib.parse.urlsplit(base)
    pending = iter(paths)
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]

    def crawler() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while True:
            with lock:
                path = next(pending, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                failed = response.status != 200
            except (OSError, http.client.HTTPException):
                connection.close()
                failed = True
            with lock:
                latencies.append(time.perf_counter() - started)
                errors[0] += failed
        connection.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=crawler) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies) or [0.0]
    return Crawl(
        count=len(latencies),
        errors=errors[0],
        p50_ms=ordered[len(ordered) // 2] * 1000,
        p99_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        max_ms=ordered[-1] * 1000,
        seconds=time.perf_counter() - began,
        concurrency=concurrency,
    )


class Editor:
    """Logs in to the admin and opens the comments' changelist, then posts its approve action
    once a second. The redirect back to the changelist is not followed: the figure is about
    what approving costs the readers.

    As a control, the same requests may change nothing: posted on the list of rejected
    comments, the pending comment selected is not among them and the action gets none. The
    difference between the two is what the approvals' emptied pages cost."""

    def __init__(self, base: str, prepared: dict):
        self.client = SiteClient(base)
        self.prepared = prepared
        self.queue = list(prepared["pending"])
        self.approved: list[dict] = []  # answered with the redirect back to the changelist
        self.statuses: dict[int, int] = {}
        self.latencies: list[float] = []
        self.unchanged_latencies: list[float] = []  # the control's
        self.stop = threading.Event()
        login = prepared["login"]
        _, page, _ = self.client.get(login)
        fields = {"username": prepared["editor"], "password": prepared["password"]}
        status, page, _ = self.client.post(login, {**SiteClient.form_tokens(page), **fields})
        if status != 302:
            raise RuntimeError(f"the editor could not log in to the admin ({status})")
        status, page, _ = self.client.get(prepared["changelist"])
        if status != 200:
            raise RuntimeError(f"the editor cannot open the comments' changelist ({status})")
        self.token = SiteClient.form_tokens(page)["csrfmiddlewaretoken"]  # for the session

    def during(self, work: Callable, changing: bool = True):
        """work(), while posting the action once a second; what work() returned."""
        self.stop.clear()
        thread = threading.Thread(target=self.post_each_second, args=(changing,), daemon=True)
        thread.start()
        try:
            return work()
        finally:
            self.stop.set()
            thread.join()

    def post_each_second(self, changing: bool) -> None:
        shown = "pending" if changing else "rejected"
        changelist = f"{self.prepared['changelist']}?status__exact={shown}"
        next_at = time.monotonic()
        while self.queue and not self.stop.wait(max(0, next_at - time.monotonic())):
            next_at += 1
            comment = self.queue[0]
            form = {
                "csrfmiddlewaretoken": self.token,
                "action": APPROVE_ACTION,
                "_selected_action": comment["pk"],
                "index": 0,
                "select_across": 0,
            }
            started = time.perf_counter()
            status, _, _ = self.client.post(changelist, form)
            if not changing:
                self.unchanged_latencies.append(time.perf_counter() - started)
                continue
            self.queue.pop(0)
            if status == 302:
                self.approved.append(comment)
            self.latencies.append(time.perf_counter() - started)
            self.statuses[status] = self.statuses.get(status, 0) + 1


def visible(base: str, comments: list[dict]) -> int:
    """How many of these comments an anonymous reader sees (the newest are on the last page)."""
    seen = 0
    for comment in comments:
        status, page, _ = SiteClient(base).get(comment["path"] + "?sivu=viimeinen")
        seen += status == 200 and comment["text"] in page
    return seen


@dataclasses.dataclass
class Figures:
    readers: int  # articles read
    baseline: object  # bench.pages.Load, the readers alone (first and last, the mean)
    baselines: tuple[float, float]  # their requests/s, first and last
    unchanged: object  # the editor's same requests changing nothing
    approving: object
    attempted: int
    answered: dict[int, int]  # the admin's answers to the approve action, by status
    approved: int  # comments approved in the database
    visible: int  # of them, shown to an anonymous reader
    approve_p50_ms: float  # the editor's action, approving
    approve_max_ms: float
    unchanged_p50_ms: float  # the same, changing nothing
    crawl: Crawl


def measure(
    base: str,
    env: dict,
    prepared: dict,
    load: Callable,
    seconds: float,
    warmup: float,
    connections: int,
    crawl_concurrency: int,
) -> Figures:
    """The cold crawl (which also fills the readers' pages), then the approval scenario."""
    empty_page_cache(env)
    crawled = crawl(base, prepared["crawl"], crawl_concurrency)
    spread = Spread.zipf(prepared["readers"])
    if warmup:
        load(base + "/", warmup, connections, spread=spread)
    readers = functools.partial(load, base + "/", seconds, connections, spread=spread)
    first = readers()
    editor = Editor(base, prepared)
    unchanged = editor.during(readers, changing=False)
    approving = editor.during(readers)
    # Other work on the machine comes and goes: the readers alone are measured first and last.
    last = readers()
    baseline = dataclasses.replace(
        first,
        rps=statistics.mean([first.rps, last.rps]),
        p50_ms=statistics.mean([first.p50_ms, last.p50_ms]),
        p99_ms=max(first.p99_ms, last.p99_ms),
        requests=first.requests + last.requests,
        errors=first.errors + last.errors,
    )
    shown = visible(base, editor.approved)
    ended = site_call(env, "--clean", prepared["marker"])
    latencies = sorted(editor.latencies) or [0.0]
    return Figures(
        readers=len(prepared["readers"]),
        baseline=baseline,
        baselines=(first.rps, last.rps),
        unchanged=unchanged,
        approving=approving,
        attempted=len(editor.latencies),
        answered=editor.statuses,
        approved=ended["approved"],
        visible=shown,
        approve_p50_ms=statistics.median(latencies) * 1000,
        approve_max_ms=latencies[-1] * 1000,
        unchanged_p50_ms=statistics.median(editor.unchanged_latencies or [0.0]) * 1000,
        crawl=crawled,
    )


def pending_needed(seconds: float) -> int:
    """Pending comments enough for one approval a second, with a margin."""
    return int(seconds) + 5


def report(found: Figures) -> tuple[list[str], list[str]]:
    """The scenarios' figures as lines, and the targets missed."""
    base, busy = found.baseline, found.approving
    ratio = busy.rps / (base.rps or 1)
    crawled = found.crawl
    rows = [
        ("no editor", base, None),
        ("editor, no change", found.unchanged, found.unchanged_p50_ms),
        ("editor approving", busy, found.approve_p50_ms),
    ]
    lines = [
        f"Approvals: readers over {found.readers} articles (Zipf, s = {ZIPF_S:g}), page cache on:"
        " alone (first and last,\n"
        + " and ".join(f"{rps:.0f}" for rps in found.baselines)
        + " requests/s, the mean is the baseline), and while an editor posts the admin's approve"
        "\naction once a second: first changing nothing (the comment selected is not on the list"
        " posted to),\nthen approving one (its article's pages and the lists emptied).",
        f"{'readers':<20}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'ratio':>7}{'errors':>8}"
        f"{'editor p50 ms':>15}",
        *(
            f"{name:<20}{result.rps:>8.0f}{result.p50_ms:>8.1f}{result.p99_ms:>8.1f}"
            f"{result.rps / (base.rps or 1):>7.2f}{result.errors:>8}"
            f"{'-' if editor is None else f'{editor:.0f}':>15}"
            for name, result, editor in rows
        ),
        f"ratio approving / no editor {ratio:.2f} (target ≥ {TARGETS['approval_ratio']:.2f}); "
        f"approved {found.approved} of {found.attempted} (admin answers {found.answered}, "
        f"slowest {found.approve_max_ms:.0f} ms); visible to readers {found.visible} of "
        f"{found.approved}",
        "",
        f"Cold crawl: {crawled.count} published articles once, page cache emptied first, "
        f"{crawled.concurrency} at a time: p50 {crawled.p50_ms:.0f} ms, p99 "
        f"{crawled.p99_ms:.0f} ms, max {crawled.max_ms:.0f} ms, total {crawled.seconds:.1f} s"
        + (f" ({crawled.errors} errors)" if crawled.errors else ""),
    ]
    missed = []
    if ratio < TARGETS["approval_ratio"]:
        missed.append(f"approvals: readers' throughput {ratio:.2f} of the baseline's")
    for name, result, _ in rows:
        if result.p99_ms >= TARGETS["p99_ms"]:
            missed.append(f"approvals, {name}: p99 {result.p99_ms:.0f} ms")
        if result.errors:
            missed.append(f"approvals, {name}: {result.errors} errors")
    if not found.attempted or found.approved != found.attempted:
        missed.append(f"approvals: {found.approved} of {found.attempted} approved")
    if found.visible != found.approved:
        missed.append(f"approvals: {found.visible} of {found.approved} visible to readers")
    if crawled.p99_ms >= TARGETS["crawl_p99_ms"]:
        missed.append(f"cold crawl: p99 {crawled.p99_ms:.0f} ms")
    if crawled.errors:
        missed.append(f"cold crawl: {crawled.errors} of {crawled.count} articles not answered")
    return lines, missed


def broken(found: Figures) -> bool:
    """The site did not work: an approval lost, or not shown, or articles not answered."""
    return (
        found.approved != found.attempted
        or found.visible != found.approved
        or found.crawl.errors > 0
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", type=int, metavar="PENDING", help="comments to approve")
    parser.add_argument("--clean", metavar="MARKER")
    parser.add_argument("--empty-page-cache", action="store_true")
    chosen = parser.parse_args()

    import django

    django.setup()
    if chosen.prepare is not None:
        print(json.dumps(prepare(chosen.prepare)))
    elif chosen.clean:
        print(json.dumps(clean(chosen.clean)))
    elif chosen.empty_page_cache:
        from django.conf import settings

        from valoa.web import page_cache

        page_cache.invalidate()
        # Web processes trust the generation they read this long: then they see the new one.
        time.sleep(2 * settings.PAGE_CACHE_LOCAL_MS / 1000)
        print(json.dumps({"emptied": True}))


if __name__ == "__main__":
    main()
