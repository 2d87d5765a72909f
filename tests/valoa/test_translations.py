"""Swedish and English catalogues are complete, compiled and in step with the code."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
MAKEMESSAGES = [
    "makemessages",
    "--ignore=.venv/*",
    "--ignore=staticfiles/*",
    "--ignore=tests/*",
    "--ignore=bench/*",
    "--add-location=file",
]


def language(po: Path) -> str:
    return po.parts[-3]


def test_there_are_swedish_and_english_catalogues():
    assert {language(po) for po in CATALOGUES} == {"sv", "en"}


@pytest.mark.parametrize("po", CATALOGUES, ids=language)
def test_every_entry_is_translated_and_none_is_fuzzy(po):
    catalogue = polib.pofile(str(po))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("po", CATALOGUES, ids=language)
def test_the_compiled_catalogue_matches_its_source(po):
    """The committed .mo is what the .po compiles to (a fresh machine needs no gettext)."""
    compiled = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))
    for entry in polib.pofile(str(po)).translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        else:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled._catalog.get(key) == entry.msgstr, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogues_contain_every_string_the_code_marks(tmp_path):
    """Running makemessages would add nothing: no new UI text is left untranslated."""
    copy = tmp_path / "site"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "staticfiles", "media", "*.sqlite3"),
    )
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES, "-l", "sv", "-l", "en"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for po in CATALOGUES:
        fresh = polib.pofile(str(copy / po.relative_to(ROOT)))
        known = {entry.msgid for entry in polib.pofile(str(po)) if not entry.obsolete}
        missing = {entry.msgid for entry in fresh if not entry.obsolete} - known
        assert missing == set(), f"{language(po)}: run makemessages and translate {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", "Siirry sisältöön"), ("/sv", "Hoppa till innehållet"), ("/en", "Skip to content")],
)
def test_each_language_renders_its_own_interface(client, prefix, expected):
    page = client.get(f"{prefix}/innostu/kerro/").content.decode()

    assert expected in page
    assert f'<html lang="{prefix.strip("/") or "fi"}">' in page
