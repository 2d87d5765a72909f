"""Each editor chooses in the admin between a mail per new item and a daily digest of what
waits, with counts and links; the digest sends nothing when nothing waits."""

import pytest
from django.core.management import call_command

from subscriptions.models import EditorMailPreference
from tests.factories import comment_data, make_comment
from tests.subscriptions.helpers import mails_to, site_link
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/subscriptions/editormailpreference/"


def choose(editor_client, editor, choice):
    response = editor_client.post(f"{CHANGELIST}add/", {"user": editor.pk, "choice": choice})
    assert response.status_code == 302
    assert EditorMailPreference.objects.get(user=editor).choice == choice


def test_an_editor_who_chose_the_digest_gets_no_mail_per_comment(
    client, editor_client, editor, article, settings, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi", editor.email]
    choose(editor_client, editor, "daily")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(article.get_absolute_url(), comment_data())

    assert mails_to(editor.email) == []
    assert len(mails_to("toimitus@example.fi")) == 1


def test_an_editor_who_chose_every_item_gets_a_mail_per_comment(
    client, editor_client, editor, article, django_capture_on_commit_callbacks
):
    choose(editor_client, editor, "each")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(article.get_absolute_url(), comment_data())

    assert len(mails_to(editor.email)) == 1


def test_the_daily_digest_counts_what_waits_and_links_to_it(
    editor_client, editor, article, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://valoa.example.fi"
    choose(editor_client, editor, "daily")
    for _ in range(3):
        make_comment(article, status=ModerationStatus.PENDING)
    make_comment(article)  # approved: waits for nobody

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_editor_digests")

    [digest] = mails_to(editor.email)
    assert "Tarkistusta odottavat kommentit: 3" in digest.body
    assert site_link(digest.body, "/admin/insights/comment/").endswith("?status__exact=pending")


def test_no_digest_when_nothing_waits(editor_client, editor, article):
    choose(editor_client, editor, "daily")
    make_comment(article)

    call_command("send_editor_digests")

    assert mails_to(editor.email) == []
