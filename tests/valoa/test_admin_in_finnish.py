"""The editors' admin speaks Finnish whatever the browser asks for, and looks like VALOA."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def page(client, url) -> BeautifulSoup:
    return BeautifulSoup(client.get(url, **ENGLISH_BROWSER).content, "html.parser")


def test_theme_chooser_texts_are_finnish_for_an_english_browser(client, editor):
    client.force_login(editor)
    catalog = client.get(reverse("admin:jsi18n"), **ENGLISH_BROWSER).content.decode()
    assert "Valitse %s napsauttamalla niit\\u00e4" in catalog  # Django's Finnish has none
    html = page(client, reverse("admin:insights_article_add"))
    assert html.html["lang"] == "fi"


def test_article_form_labels_are_finnish(client, editor):
    article = make_article()
    client.force_login(editor)
    html = page(client, reverse("admin:insights_article_change", args=[article.pk]))
    labels = {label.get_text(strip=True) for label in html.select("div.form-row label")}
    assert "Luotu:" in labels and "Muokattu:" in labels
    assert not {"Created at:", "Updated at:"} & labels


def test_login_protection_is_named_in_finnish(client):
    admin = User.objects.create_superuser("paakayttaja", "p@example.fi", "salasana-pitka-123")
    client.force_login(admin)
    html = page(client, reverse("admin:index"))
    captions = [caption.get_text(strip=True) for caption in html.select("#content-main caption")]
    assert "Kirjautumisyritykset" in captions
    links = {link.get_text(strip=True) for link in html.select("#content-main th a")}
    assert "Kirjautumisyritykset" in links
    assert not {"Access attempts", "Access logs", "Access failures"} & links


def test_the_admin_carries_the_wordmark_and_the_sites_colours(client, editor):
    client.force_login(editor)
    html = page(client, reverse("admin:index"))
    assert html.select_one("#site-name .valoa-wordmark").get_text() == "VALOA"
    stylesheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
    assert "/static/css/admin.css" in stylesheets


def test_the_libraries_finnish_is_complete_and_compiled():
    import gettext
    from pathlib import Path

    import polib

    folder = Path(__file__).resolve().parents[2] / "third_party_locale" / "fi" / "LC_MESSAGES"
    for po in folder.glob("*.po"):
        catalogue = polib.pofile(str(po))
        assert catalogue.untranslated_entries() == [] and catalogue.fuzzy_entries() == []
        compiled = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))
        for entry in catalogue.translated_entries():
            if entry.msgid_plural:
                assert (
                    compiled.ngettext(entry.msgid, entry.msgid_plural, 2)
                    == (entry.msgstr_plural[1])
                )
            else:
                assert compiled.gettext(entry.msgid) == entry.msgstr
