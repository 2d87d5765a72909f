"""The words a query found are marked in the title and the snippet, in whatever form they are
written; snippets are plain text (no Markdown) and nothing from the content is markup."""

import pytest

from tests.factories import make_article, make_case
from tests.valoa.search_page import search_page

pytestmark = pytest.mark.django_db


def test_the_title_marks_the_word_in_another_form(client):
    make_article(title="Jaettu johtajuus arjessa", lead="Ingressi.", body="Teksti.")

    [result] = search_page(client, "johtajuudesta").results

    assert result.title == "Jaettu johtajuus arjessa"
    assert result.title_marks == ["johtajuus"]


def test_the_snippet_marks_inflected_words_and_compounds_that_matched(client):
    make_case(
        title="Tarina",
        lead="Alku.",
        background="Opimme **kokeiluista** paljon. Vuorosuunnittelu ja kokeilu kulkivat yhdessä.",
    )

    [result] = search_page(client, "kokeilu suunnittelusta").results

    assert result.snippet_marks == ["kokeiluista", "Vuorosuunnittelu", "kokeilu"]
    assert result.title_marks == []


def test_snippets_are_plain_text(client):
    make_article(
        title="Jälkipuinti",
        lead="Lyhyesti.",
        body=(
            "## Lyhyt jälkipuinti\n\n- Mitä odotimme?\n- Mitä tapahtui?\n\n---\n\n"
            "> Lainaus [linkki](https://example.fi/sivu) ja `koodi` ja *kursiivi*."
        ),
    )

    [result] = search_page(client, "jälkipuinti").results

    assert result.snippet == (
        "Lyhyesti. Lyhyt jälkipuinti Mitä odotimme? Mitä tapahtui? "
        "Lainaus linkki ja koodi ja kursiivi."
    )
    assert result.snippet_marks == ["jälkipuinti"]


def test_tags_in_the_content_never_reach_the_page_as_markup(client):
    make_article(
        title="<b>Tarina</b> kokeilusta",
        body='<script>alert("x")</script> <img src=x onerror=alert(1)> kokeilu & "lainaus"',
    )

    [result] = search_page(client, "kokeilu").results

    assert result.snippet_tags == []
    assert result.title == "<b>Tarina</b> kokeilusta"
    assert '<img src=x onerror=alert(1)> kokeilu & "lainaus"' in result.snippet
