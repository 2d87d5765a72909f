"""An editor finds the comments of an article in the admin however many articles there are:
the sidebar lists the articles whose comments await moderation, and any article's comments are
found by searching its title."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_comment
from tests.form_pages import parse
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:insights_comment_changelist")


def sidebar_articles(response) -> set[str]:
    page = parse(response.content.decode())
    heading = next(h for h in page.select("#changelist-filter summary, #changelist-filter h3")
                   if "odottavia" in h.get_text())  # fmt: skip
    choices = heading.find_parent("details") or heading.find_next("ul")
    # Besides the articles: "Kaikki" and "-" (readers' own insights, on no article).
    return {link.get_text(strip=True) for link in choices.select("li a")} - {"Kaikki", "-"}


def test_the_sidebar_lists_only_articles_with_comments_awaiting_moderation(editor_client):
    waiting = make_article(title="Palaute kehityskeskustelussa", slug="palaute")
    handled = make_article(title="Kokeilukulttuuri", slug="kokeilukulttuuri")
    make_comment(waiting, status=ModerationStatus.PENDING)
    make_comment(handled, status=ModerationStatus.APPROVED)

    listed = sidebar_articles(editor_client.get(CHANGELIST))

    assert listed == {"Palaute kehityskeskustelussa"}


def test_any_articles_comments_are_found_by_its_title(editor_client):
    dialogue = make_article(title="Dialogi hybridityössä", slug="dialogi")
    other = make_article(title="Kokeilukulttuuri", slug="kokeilukulttuuri")
    make_comment(dialogue, body="Hyvä huomio etäpalavereista.", status=ModerationStatus.APPROVED)
    make_comment(other, body="Kokeilimme samaa.", status=ModerationStatus.APPROVED)

    page = parse(editor_client.get(CHANGELIST, {"q": "hybridityössä"}).content.decode())
    rows = [row.get_text(" ", strip=True) for row in page.select("#result_list tbody tr")]

    assert len(rows) == 1 and "Dialogi hybridityössä" in rows[0]
