"""Comments are shown from markup stored when they are saved: it follows what changes."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from insights.models import Comment
from tests.factories import make_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def authors(client, url: str) -> list[str]:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return [author.get_text() for author in page.select("section.comments .comment-author")]


def test_rendering_the_markup_again_shows_changes_made_without_a_save(client, article):
    # As a bulk import would, or a changed template or translation: the rows change, the
    # stored markup does not until it is rendered again.
    comment = make_comment(article, name="Lukija")
    Comment.objects.filter(pk=comment.pk).update(name="Toinen Lukija")

    call_command("render_comment_markup", stdout=StringIO())

    assert authors(client, article.get_absolute_url()) == ["Toinen Lukija"]


def test_an_editors_edit_and_a_later_rejection_show_at_once(client, article):
    comment = make_comment(article, name="Lukija", body="Alkuperäinen")
    comment.name = "Korjattu Nimi"
    comment.save()
    assert authors(client, article.get_absolute_url()) == ["Korjattu Nimi"]

    comment.reject()

    assert authors(client, article.get_absolute_url()) == []
    assert Comment.objects.get(pk=comment.pk).stored_markup == {}
