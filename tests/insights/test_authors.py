"""An article's author is a record: an author box ends the article, and the author has a page."""

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from insights.models import Article, Author
from insights.personal_data import erase_authors
from tests.factories import make_article, make_author
from tests.valoa.admin_forms import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def aino():
    return make_author(
        name="Aino Esimerkki",
        slug="aino-esimerkki",
        job_title="kehittämisasiantuntija",
        organisation="Esimerkkivirasto",
        bio="Aino on vetänyt kehittämishankkeita kymmenen vuotta.",
        email="aino@example.fi",
    )


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_article_ends_with_the_author_box(client, aino):
    article = make_article(author=aino)
    page = parse(client.get(article.get_absolute_url()))

    box = page.find("aside", attrs={"aria-labelledby": "kirjoittaja-otsikko"})
    assert box.h2.get_text(strip=True) == "Kirjoittaja"
    link = box.find("a", string="Aino Esimerkki")
    assert link["href"] == "/kirjoittajat/aino-esimerkki/"
    texts = [p.get_text(strip=True) for p in box.find_all("p")]
    assert "kehittämisasiantuntija, Esimerkkivirasto" in texts
    assert "Aino on vetänyt kehittämishankkeita kymmenen vuotta." in texts
    assert "aino@example.fi" not in page.get_text()
    byline = page.find(class_="byline")
    assert byline.find("a", string="Aino Esimerkki")["href"] == aino.get_absolute_url()


def test_author_page_lists_their_published_articles_newest_first(client, aino):
    now = timezone.now()
    make_article(author=aino, title="Vanhempi", published_at=now - timezone.timedelta(days=3))
    make_article(author=aino, title="Uudempi", published_at=now - timezone.timedelta(days=1))
    make_article(author=aino, title="Luonnos", status=Article.Status.DRAFT)
    make_article(author=aino, title="Ajastettu", published_at=now + timezone.timedelta(days=1))
    make_article(author=make_author(name="Toinen"), title="Toisen artikkeli")

    page = parse(client.get("/kirjoittajat/aino-esimerkki/"))

    assert page.h1.get_text(strip=True) == "Aino Esimerkki"
    section = page.find("section", attrs={"aria-labelledby": "artikkelit-otsikko"})
    assert [h.get_text(strip=True) for h in section.find_all("h3")] == ["Uudempi", "Vanhempi"]


def test_author_without_published_articles_has_no_page(client, aino):
    make_article(author=aino, status=Article.Status.DRAFT)
    assert client.get(aino.get_absolute_url()).status_code == 404


def test_the_cached_author_page_shows_a_changed_bio_at_once(aino):
    make_article(author=aino)
    Client().get(aino.get_absolute_url())
    aino.bio = "Uusi esittely."
    aino.save()
    assert "Uusi esittely." in parse(Client().get(aino.get_absolute_url())).get_text()


def test_author_page_queries_do_not_grow_with_articles(client, aino, no_page_cache):
    make_article(author=aino)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(aino.get_absolute_url()).status_code == 200
        return len(queries)

    count()  # the first page a process renders also reads the themes (Theme.shared)
    with_one = count()
    for _ in range(30):
        make_article(author=aino)
    assert count() == with_one


def png(width=900, height=600) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(buffer, "PNG")
    return SimpleUploadedFile("kasvokuva.png", buffer.getvalue(), content_type="image/png")


def test_editor_adds_an_author_with_a_photo_that_is_shrunk(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    url = reverse("admin:insights_author_add")
    fields = {"name": "Ville Kuviteltu", "slug": "ville-kuviteltu", "photo": png()}

    refused = client.post(url, fields)
    assert "Kirjoita kuvalle tekstivastine." in parse(refused).get_text()

    fields["photo"] = png()
    response = client.post(url, {**fields, "photo_alt": "Ville hymyilee."})
    assert response.status_code == 302
    author = Author.objects.get(slug="ville-kuviteltu")
    assert max(author.photo_width, author.photo_height) == 400


def test_the_author_is_chosen_on_the_article_form(client, editor, aino):
    article = make_article(author=make_author(name="Vanha"))
    client.force_login(editor)
    url = reverse("admin:insights_article_change", args=[article.pk])
    data = form_values(client.get(url).content)
    assert client.post(url, {**data, "author": str(aino.pk)}).status_code == 302
    article.refresh_from_db()
    assert article.author == aino


def test_personal_data_tool_finds_and_erases_an_author_by_email(editor_client, aino):
    article = make_article(author=aino, title="Aino kirjoitti")
    url = reverse("admin:personal_data")

    export = editor_client.post(url, {"email": "AINO@example.fi", "action": "export"})
    records = json.loads(export.content)["records"]["Kirjoittajat"]
    found = [(record["nimi"], record["artikkelit"]) for record in records]
    assert found == [("Aino Esimerkki", ["Aino kirjoitti"])]

    editor_client.post(url, {"email": "aino@example.fi", "action": "erase", "confirm": "on"})

    aino.refresh_from_db()
    assert aino.name == "Nimetön kirjoittaja"
    assert aino.email == aino.bio == aino.organisation == ""
    page = parse(Client().get(article.get_absolute_url())).get_text()
    assert "Aino" not in page.replace("Aino kirjoitti", "")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_articles_get_author_records_from_their_names():
    executor = MigrationExecutor(connection)
    executor.migrate([("insights", "0011_history")])
    apps = executor.loader.project_state([("insights", "0011_history")]).apps
    OldArticle = apps.get_model("insights", "Article")
    for number, (name, bio) in enumerate(
        [("Sanna Keksitty", ""), ("Sanna Keksitty", "Sanna on esihenkilö."), ("Ville", "")]
    ):
        OldArticle.objects.create(
            title=f"A{number}",
            slug=f"a{number}",
            lead="x",
            body="x",
            author_name=name,
            author_bio=bio,
            status="published",
        )

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    sanna = Author.objects.get(name="Sanna Keksitty")
    assert sanna.slug == "sanna-keksitty" and sanna.bio == "Sanna on esihenkilö."
    assert sorted(a.slug for a in sanna.articles.all()) == ["a0", "a1"]
    assert Article.objects.get(slug="a2").author.name == "Ville"


def test_a_replaced_photo_file_is_deleted(
    aino, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    aino.photo, aino.photo_alt = png(), "Aino"
    aino.save()
    first = Path(aino.photo.path)

    with django_capture_on_commit_callbacks(execute=True):
        aino.photo = png(300, 300)
        aino.save()

    second = Path(aino.photo.path)
    assert not first.exists() and second.exists()

    with django_capture_on_commit_callbacks(execute=True):
        erase_authors("aino@example.fi")

    assert not second.exists()
