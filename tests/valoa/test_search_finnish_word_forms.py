"""A word is found in any of its forms, as a part of a compound and typed from its parts:
the same on SQLite and PostgreSQL (CI runs this file on both)."""

import pytest

from tests.factories import make_article, make_case
from tests.valoa.search_page import titles

pytestmark = pytest.mark.django_db

KOKEILU = ["kokeilu", "kokeilun", "kokeiluista"]


@pytest.mark.parametrize("written", KOKEILU)
@pytest.mark.parametrize("searched", KOKEILU)
def test_inflected_forms_of_kokeilu_find_each_other(client, written, searched):
    make_article(title="Tiimin tarina", body=f"Kerromme tässä {written} vaiheista.")
    make_article(title="Muuta", body="Tässä ei ole hakusanaa.")

    assert titles(client, searched) == ["Tiimin tarina"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        # The stem changes: Snowball's stemmer finds neither of these.
        ("Jaettu johtajuus", "johtajuudesta"),
        ("sopimuksesta", "sopimus"),
        ("kotihoidon", "kotihoito"),
        ("ryhmänjohtajille", "ryhmänjohtaja"),
        # Derived from the same root.
        ("dialogi", "dialogisen"),
        ("dialogisen", "dialogi"),
        ("dialogia", "dialoginen"),
        ("oppiminen", "oppimisen"),
        ("oppimisen", "oppiminen"),
        ("johtaminen", "johtamisesta"),
    ],
)
def test_other_forms_of_a_word_find_it(client, written, searched):
    make_case(title="Kunnan tarina", lead=f"Meillä {written} on arkea.")
    make_case(title="Muuta", lead="Tässä ei ole hakusanaa.", learnings="Mitä huomattiin.")

    assert titles(client, searched) == ["Kunnan tarina"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("Vuorosuunnittelu siirtyi tiimille", "suunnittelusta"),
        ("Työkulttuuri muuttuu", "kulttuuria"),
        ("Ryhmänjohtajat kokoontuivat", "johtajat"),
    ],
)
def test_a_part_of_a_compound_finds_the_compound(client, written, searched):
    make_article(title="Tarina", body=written)
    make_article(title="Muuta", body="Tässä ei ole hakusanaa.")

    assert titles(client, searched) == ["Tarina"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("Kotihoidon tiimi kokoontuu viikoittain.", "kotihoitotiimi"),
        ("Oppimisen kulttuuri syntyy arjessa.", "oppimiskulttuuri"),
    ],
)
def test_a_compound_typed_from_its_parts_finds_the_parts(client, written, searched):
    make_case(title="Tarina", lead=written)
    make_case(title="Muuta", lead="Kotona hoidetaan puutarhaa.")  # koti and hoito, no tiimi

    assert titles(client, searched) == ["Tarina"]


def test_a_word_in_no_text_finds_nothing(client):
    make_article(title="Kotihoidon tiimi", body="Kokeilu ja oppiminen.")

    assert titles(client, "kotihoitorobotti") == []
    assert titles(client, "sähköauto") == []
