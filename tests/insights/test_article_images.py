"""An article may have an image: resized, with a required text alternative, shown on its page,
in list cards and in link previews."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import jpeg_bytes, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def photo() -> SimpleUploadedFile:
    return SimpleUploadedFile("kuva.jpg", jpeg_bytes(2400, 1200), content_type="image/jpeg")


def test_an_image_needs_a_text_alternative():
    article = make_article()
    article.image = photo()
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "image_alt" in error.value.message_dict


def test_the_image_is_resized_and_shown_on_the_page_in_cards_and_previews(client, settings):
    article = make_article(image=photo(), image_alt="Kaksi ihmistä keskustelee.")
    assert (article.image_width, article.image_small_width) == (1200, 600)
    assert article.image.name.startswith("oivallukset/")

    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    figure = page.main.find("figure").img
    assert figure["alt"] == "Kaksi ihmistä keskustelee."
    assert figure["src"] == article.image.url
    preview = page.find("meta", property="og:image")["content"]
    assert preview == settings.SITE_URL + article.image.url

    for path in ["/", "/oivallukset/"]:
        card = BeautifulSoup(client.get(path).content, "html.parser").main.select_one(
            "article.card img"
        )
        assert card["alt"] == "Kaksi ihmistä keskustelee.", path
        assert card["loading"] == "lazy"
        assert card["src"] == article.image_small.url


def test_replacing_and_deleting_the_image_removes_its_files(django_capture_on_commit_callbacks):
    article = make_article(image=photo(), image_alt="Kuva.")
    storage, old = article.image.storage, [article.image.name, article.image_small.name]

    with django_capture_on_commit_callbacks(execute=True):
        article.image = photo()
        article.save()
    assert not any(storage.exists(name) for name in old)

    current = [article.image.name, article.image_small.name]
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not any(storage.exists(name) for name in current)
