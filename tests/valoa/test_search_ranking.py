"""The order of results: the title over the lead over the body (comments come last, see
test_search_comment_hits_rank_last.py); the form typed over another form of the word; a whole
word over a part of a compound. On SQLite and PostgreSQL alike."""

import pytest
from django.utils import timezone

from tests.factories import make_article, make_case
from tests.valoa.search_page import titles

pytestmark = pytest.mark.django_db


def test_a_match_in_the_title_ranks_above_the_lead_and_the_body(client):
    make_article(
        title="Palaverikulttuuri",
        lead="Ingressi.",
        body="Kävelykokous on hyvä. Kävelykokous virkistää. Kävelykokouksessa puhutaan.",
    )
    make_article(title="Arjen kokemuksia", lead="Kävelykokous toimi meillä.", body="Teksti.")
    make_case(title="Kävelykokous kunnassa", lead="Ingressi.")

    assert titles(client, "kävelykokous") == [
        "Kävelykokous kunnassa",
        "Arjen kokemuksia",
        "Palaverikulttuuri",
    ]


def test_the_form_typed_ranks_above_another_form_of_the_word(client):
    # The newer one would come first if they ranked alike.
    make_article(title="Toinen", body="Teimme kokeiluja.", published_at=timezone.now())
    make_article(
        title="Ensimmäinen",
        body="Teimme kokeiluista yhteenvedon.",
        published_at=timezone.now() - timezone.timedelta(days=3),
    )

    assert titles(client, "kokeiluista") == ["Ensimmäinen", "Toinen"]
    assert titles(client, "kokeiluja") == ["Toinen", "Ensimmäinen"]


def test_a_whole_word_ranks_above_a_part_of_a_compound(client):
    make_case(title="Yksi", lead="Työkulttuuri muuttui.", published_at=timezone.now())
    make_case(
        title="Kaksi",
        lead="Kulttuuri muuttui.",
        published_at=timezone.now() - timezone.timedelta(days=3),
    )

    assert titles(client, "kulttuurista") == ["Kaksi", "Yksi"]
