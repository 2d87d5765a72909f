"""Quotes and minus work as in web search: a quoted phrase wants its words in that order (in
any form), a minus excludes a word (in any form). On SQLite and PostgreSQL alike."""

import pytest

from tests.factories import make_article
from tests.valoa.search_page import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    make_article(title="Jaettu johtajuus tiimissä", body="Teksti.")
    make_article(title="Johtajuus", body="Vastuu on jaettu tiimille.")
    make_article(title="Kävely metsässä", body="Teksti.")
    make_article(title="Kävely kaupungissa", body="Teksti.")


def test_a_quoted_phrase_wants_its_words_together(client, articles):
    assert titles(client, '"jaettu johtajuus"') == ["Jaettu johtajuus tiimissä"]
    assert titles(client, '"jaetun johtajuuden"') == ["Jaettu johtajuus tiimissä"]
    assert titles(client, '"johtajuus jaettu"') == []
    assert sorted(titles(client, "jaettu johtajuus")) == ["Jaettu johtajuus tiimissä", "Johtajuus"]


def test_a_minus_excludes_a_word_in_any_form(client, articles):
    assert titles(client, "kävely -metsä") == ["Kävely kaupungissa"]
    assert titles(client, "kävely -metsässä") == ["Kävely kaupungissa"]


def test_or_takes_either(client, articles):
    assert sorted(titles(client, "metsä or kaupunki")) == ["Kävely kaupungissa", "Kävely metsässä"]
