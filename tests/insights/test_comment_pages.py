"""An article's comments come a page of threads at a time, counted as readers see them: what an
editor rejected and what waits for a decision neither show nor count."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_comment
from valoa.moderation import ModerationStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def threads(article, settings):
    """Five approved threads, two a page; the first has a reply. Around them, comments that
    readers do not see."""
    settings.COMMENTS_PER_PAGE = 2
    shown = [make_comment(article, body=f"Ketju {number}.") for number in range(1, 6)]
    make_comment(article, parent=shown[0], body="Vastaus ketjuun 1.")
    make_comment(article, status=ModerationStatus.REJECTED, body="Hylätty.")
    make_comment(article, status=ModerationStatus.PENDING, body="Odottava.")
    make_comment(article, status=ModerationStatus.SPAM, body="Roskaa.")
    return shown


def comments_on(client, url) -> tuple[list[str], str]:
    """The comments' texts in order, and the pagination's "page n / m"."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    texts = [body.get_text(strip=True) for body in page.select(".comments .comment-body")]
    current = page.select_one('.comments .pagination [aria-current="page"]')
    return texts, current.get_text(strip=True) if current else ""


@pytest.mark.parametrize(
    ("query", "texts", "number"),
    [
        ("", ["Ketju 1.", "Vastaus ketjuun 1.", "Ketju 2."], "Sivu 1 / 3"),
        ("?sivu=2", ["Ketju 3.", "Ketju 4."], "Sivu 2 / 3"),
        ("?sivu=viimeinen", ["Ketju 5."], "Sivu 3 / 3"),
        ("?sivu=99", ["Ketju 5."], "Sivu 3 / 3"),
        ("?sivu=" + "9" * 30, ["Ketju 5."], "Sivu 3 / 3"),  # past any offset the database takes
        ("?sivu=0", ["Ketju 5."], "Sivu 3 / 3"),
        ("?sivu=kolme", ["Ketju 1.", "Vastaus ketjuun 1.", "Ketju 2."], "Sivu 1 / 3"),
    ],
)
def test_threads_are_paginated_as_readers_see_them(client, article, threads, query, texts, number):
    assert comments_on(client, article.get_absolute_url() + query) == (texts, number)


def test_a_rejected_or_erased_thread_leaves_the_pages_at_once(client, article, threads):
    threads[1].reject()
    threads[2].delete()

    assert comments_on(client, article.get_absolute_url()) == (
        ["Ketju 1.", "Vastaus ketjuun 1.", "Ketju 4."],
        "Sivu 1 / 2",
    )


def test_an_editors_preview_shows_the_same_pages(editor_client, article, threads):
    assert comments_on(editor_client, article.get_preview_url() + "?sivu=2") == (
        ["Ketju 3.", "Ketju 4."],
        "Sivu 2 / 3",
    )
