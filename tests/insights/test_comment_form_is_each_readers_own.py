"""The comment form's fields are rendered once and reused, yet each showing is the reader's
own: its own time-trap token, the comment it replies to, the page's language, and what the
reader typed when a post is refused."""

import pytest
from bs4 import BeautifulSoup

from insights.models import Comment
from tests.factories import comment_data, make_comment
from valoa.posting import antispam

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def comment_form(client, url: str):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one("form.public-form")


def test_each_showing_has_a_token_of_its_own_that_can_be_sent(client, article, settings):
    settings.FORM_MIN_SECONDS = 0
    first = comment_form(client, article.get_absolute_url())
    second = comment_form(client, article.get_absolute_url())
    tokens = [form.select_one("[name=aloitettu]")["value"] for form in (first, second)]

    assert tokens[0] != tokens[1]
    assert all(antispam.time_trap_error(token) is None for token in tokens)
    response = client.post(article.get_absolute_url(), comment_data(aloitettu=tokens[1]))
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_reply_form_answers_the_comment_in_its_address(client, article):
    first, second = make_comment(article), make_comment(article)
    url = article.get_absolute_url()

    for comment in (first, second, first):
        form = comment_form(client, f"{url}?vastaa={comment.pk}")
        assert form.select_one("[name=vastaa]")["value"] == str(comment.pk)
    assert not comment_form(client, url).select_one("[name=vastaa]").has_attr("value")


def test_the_form_speaks_the_pages_language(client, article):
    finnish = comment_form(client, article.get_absolute_url())
    swedish = comment_form(client, "/sv" + article.get_absolute_url())

    assert finnish.select_one("label[for=id_name]").get_text(strip=True) == "Nimi*"
    assert swedish.select_one("label[for=id_name]").get_text(strip=True) == "Namn*"


def test_a_refused_post_shows_what_was_typed_not_an_empty_form(client, article):
    comment_form(client, article.get_absolute_url())  # an empty form rendered first

    response = client.post(article.get_absolute_url(), comment_data(name="", body="Oma tekstini"))

    form = BeautifulSoup(response.content, "html.parser").select_one("form.public-form")
    assert form.select_one("[name=body]").get_text(strip=True) == "Oma tekstini"
    assert form.select_one("[name=name]")["aria-invalid"] == "true"
