"""An article found only through its readers' comments comes after everything found by its
own text, and such articles come newest first (however often a comment repeats the word)."""

import pytest
from django.utils import timezone

from tests.factories import make_article, make_case, make_comment
from tests.valoa.search_page import titles

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)


def test_comment_hits_come_after_own_text_hits_newest_first(client):
    older = make_article(title="Vanhempi kirjoitus", published_at=days_ago(30))
    make_comment(older, body="Kävelykokous, kävelykokous ja vielä kerran kävelykokous.")
    newer = make_article(title="Uudempi kirjoitus", published_at=days_ago(10))
    make_comment(newer, body="Meillä oli kerran kävelykokous.")
    make_article(
        title="Palaverit",
        body="Yhdessä kohdassa mainitaan kävelykokous.",
        published_at=days_ago(40),
    )
    make_case(title="Kunnan kokoukset", lead="Kävelykokous.", published_at=days_ago(50))

    found = titles(client, "kävelykokous")

    assert found[2:] == ["Uudempi kirjoitus", "Vanhempi kirjoitus"]
    assert sorted(found[:2]) == ["Kunnan kokoukset", "Palaverit"]
