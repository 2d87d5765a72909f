"""Articles and cases written in Swedish or English are found by their own language's word
forms (Snowball stems), not by a Finnish reading of their words."""

import pytest

from tests.factories import make_article, make_case
from tests.valoa.search_page import search_page, titles

pytestmark = pytest.mark.django_db


def test_swedish_text_is_found_by_other_forms_of_its_words(client):
    make_article(
        title="Lärande på arbetsplatsen",
        lead="Hur organisationen lär sig.",
        body="Organisationer som lär av sina misstag.",
        language="sv",
    )
    make_article(title="Muuta", body="Ei ruotsia.")

    assert titles(client, "arbetsplatser") == ["Lärande på arbetsplatsen"]
    assert titles(client, "organisation") == ["Lärande på arbetsplatsen"]
    page = search_page(client, "misstaget")
    assert page.results[0].snippet_marks == ["misstag"]


def test_english_text_is_found_by_other_forms_of_its_words(client):
    make_case(
        title="Learning cultures in teams",
        lead="Leaders who listen.",
        language="en",
    )

    assert titles(client, "culture") == ["Learning cultures in teams"]
    assert titles(client, "listening") == ["Learning cultures in teams"]
