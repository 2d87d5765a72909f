"""Nothing is public before approval; the commenter still sees their own pending comment."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from insights.models import Comment
from tests.factories import comment_data, make_comment
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def test_success_redirects_back_and_shows_the_commenter_their_pending_comment(client, article):
    response = client.post(article.get_absolute_url(), comment_data(body="Oma ajatukseni."))

    assert response.status_code == 302
    assert response["Location"].startswith(article.get_absolute_url() + "?oma=")
    assert response["Location"].endswith("#oma-kommentti")
    page = client.get(response["Location"]).content.decode()
    assert "näkyy muille, kun ylläpito on tarkistanut" in page
    assert "Oma ajatukseni." in page
    assert "Odottaa tarkistusta" in page
    assert Comment.objects.get().status == ModerationStatus.PENDING


def test_pending_comment_is_not_shown_to_others(client, article):
    response = client.post(article.get_absolute_url(), comment_data(body="Oma ajatukseni."))
    assert response.status_code == 302

    assert "Oma ajatukseni." not in client.get(article.get_absolute_url()).content.decode()


def test_a_tampered_own_comment_link_shows_nothing(client, article):
    pending = make_comment(article, status=ModerationStatus.PENDING, body="Salainen luonnos")

    page = client.get(article.get_absolute_url() + f"?oma={pending.pk}:forged").content.decode()

    assert "Salainen luonnos" not in page


def test_approved_comment_is_shown_in_order_with_its_replies(client, article):
    first = make_comment(article, body="Ensimmäinen")
    make_comment(article, body="Toinen")
    make_comment(article, parent=first, body="Vastaus ensimmäiseen")
    make_comment(article, parent=first, body="Hylätty vastaus", status=ModerationStatus.REJECTED)

    page = client.get(article.get_absolute_url()).content.decode()

    assert page.index("Ensimmäinen") < page.index("Vastaus ensimmäiseen") < page.index("Toinen")
    assert "Hylätty vastaus" not in page


@pytest.mark.parametrize("status", [ModerationStatus.PENDING, "rejected", "spam"])
def test_unapproved_comments_are_not_shown(client, article, status):
    make_comment(article, status=status, body="Ei julkinen")

    assert "Ei julkinen" not in client.get(article.get_absolute_url()).content.decode()


def test_script_in_a_comment_is_shown_as_text(client, article):
    make_comment(article, body="<script>alert('x')</script>", name="<b>Nimi</b>")

    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")

    assert not any("alert" in script.get_text() for script in page.find_all("script"))
    assert "<script>alert('x')</script>" in page.get_text()
    assert page.find("b", string="Nimi") is None


def test_email_addresses_are_never_shown(client, article):
    make_comment(article, email="piilossa@example.fi")
    response = client.post(article.get_absolute_url(), comment_data(email="oma@example.fi"))

    assert "piilossa@example.fi" not in client.get(article.get_absolute_url()).content.decode()
    assert "oma@example.fi" not in client.get(response["Location"]).content.decode()


def test_reply_goes_under_an_approved_comment(client, article):
    parent = make_comment(article, body="Alkuperäinen")
    page = client.get(article.get_absolute_url() + f"?vastaa={parent.pk}").content.decode()
    assert "Vastaa kommenttiin, jonka kirjoitti Lukija" in page

    client.post(article.get_absolute_url(), comment_data(vastaa=parent.pk, body="Vastaus"))

    assert Comment.objects.get(body="Vastaus").parent == parent


def test_reply_to_a_pending_comment_is_refused_and_text_kept(client, article):
    pending = make_comment(article, status=ModerationStatus.PENDING)

    response = client.post(
        article.get_absolute_url(), comment_data(vastaa=pending.pk, body="Vastaukseni")
    )

    page = response.content.decode()
    assert "ei enää löytynyt" in page
    assert "Vastaukseni" in page
    assert not Comment.objects.filter(body="Vastaukseni").exists()


def test_moderators_are_emailed_after_the_comment_is_committed(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(article.get_absolute_url(), comment_data(body="Uusi ajatus"))
    assert mail.outbox == []  # nothing is sent before the comment is safely stored

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["toimitus@example.fi"]
    assert "Uusi ajatus" in message.body
    comment = Comment.objects.get()
    assert re.search(rf"/admin/insights/comment/{comment.pk}/change/", message.body)


def test_closed_comments_show_a_polite_note_instead_of_the_form(client, article):
    article.comments_open = False
    article.save()

    page = client.get(article.get_absolute_url()).content.decode()
    response = client.post(article.get_absolute_url(), comment_data())

    assert "kommentointi on päättynyt" in page
    assert BeautifulSoup(page, "html.parser").find(attrs={"name": "body"}) is None
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_comments_close_automatically_after_the_set_number_of_days(client, settings):
    from django.utils import timezone

    from tests.factories import make_article

    old = make_article(published_at=timezone.now() - timezone.timedelta(days=40))
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30

    assert "kommentointi on päättynyt" in client.get(old.get_absolute_url()).content.decode()


def comments_section(client, article):
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    return page.find("section", attrs={"aria-labelledby": "kommentit-otsikko"}).get_text(" ")


def test_a_closed_article_without_comments_invites_no_one_to_comment(client, article):
    article.comments_open = False
    article.save()

    text = comments_section(client, article)

    assert "Kerro ensimmäisenä" not in text
    assert "Kiitos kaikille keskusteluun osallistuneille" not in text
    assert "Kirjoitusta ei kommentoitu, ja sen kommentointi on päättynyt." in text


def test_a_closed_article_with_comments_thanks_those_who_took_part(client, article):
    make_comment(article, body="Hyvä pointti.")
    article.comments_open = False
    article.save()

    text = comments_section(client, article)

    assert "Hyvä pointti." in text
    assert "Kiitos kaikille keskusteluun osallistuneille" in text


def test_an_open_article_without_comments_invites_the_first_one(client, article):
    assert "Kerro ensimmäisenä" in comments_section(client, article)
