"""`load_demo` fills the site with Finnish demo content, idempotently, only in development."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from insights.models import Article, Comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # demo cases have drawn pictures


def test_loading_twice_duplicates_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    counts = (Article.objects.count(), Comment.objects.count(), User.objects.count())

    call_command("load_demo", verbosity=0)

    assert (Article.objects.count(), Comment.objects.count(), User.objects.count()) == counts
    assert counts[0] >= 4
    assert Comment.objects.pending().exists() and Comment.objects.approved().exists()


def test_the_demo_editor_can_log_into_the_admin(settings, client):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)

    client.post("/admin/login/", {"username": "toimittaja", "password": "valoa-demo-toimittaja"})
    page = client.get("/admin/").content.decode()
    assert "Kirjaudu ulos" in page
    assert "Moderointijono" in page


def test_demo_content_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)


def test_demo_articles_have_authors_with_pages(settings, client):
    from bs4 import BeautifulSoup

    from insights.models import Author

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)

    assert not Article.objects.filter(author__isnull=True).exists()
    aino = Author.objects.get(name="Aino Esimerkki")  # once, though loaded twice
    page = BeautifulSoup(client.get(aino.get_absolute_url()).content, "html.parser")
    assert page.h1.get_text(strip=True) == "Aino Esimerkki"
    assert "kehittämisasiantuntija" in page.find(class_="author-role").get_text()
    assert page.select("main article h3 a")
