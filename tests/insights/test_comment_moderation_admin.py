"""Editors moderate in the admin: bulk actions behind a permission, recorded in the admin log."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from insights.models import Comment
from tests.factories import make_comment
from tests.form_pages import parse, text
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:insights_comment_changelist")


def run_action(client, action, comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments]},
        follow=True,
    )


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", ModerationStatus.APPROVED),
        ("reject", ModerationStatus.REJECTED),
        ("mark_spam", ModerationStatus.SPAM),
    ],
)
def test_editor_bulk_action_sets_status_records_who_and_logs_it(
    editor_client, editor, article, action, status
):
    comments = [make_comment(article, status=ModerationStatus.PENDING) for _ in range(2)]

    response = run_action(editor_client, action, comments)

    assert response.status_code == 200
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == editor
        assert comment.moderated_at is not None
    assert LogEntry.objects.filter(user=editor).count() == 2


def test_approved_comment_becomes_visible_to_readers(editor_client, client, article):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Odottava ajatus")
    assert "Odottava ajatus" not in client.get(article.get_absolute_url()).content.decode()

    run_action(editor_client, "approve", [comment])

    editor_client.logout()
    assert "Odottava ajatus" in client.get(article.get_absolute_url()).content.decode()


def test_staff_without_the_permission_cannot_moderate(client, staff_without_permission, article):
    client.force_login(staff_without_permission)
    comment = make_comment(article, status=ModerationStatus.PENDING)

    page = client.get(CHANGELIST).content.decode()
    run_action(client, "approve", [comment])

    assert parse(page).find(value="approve") is None
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PENDING


def test_anonymous_reader_is_sent_to_the_login(client, article):
    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_index_shows_how_many_comments_wait(editor_client, article):
    make_comment(article, status=ModerationStatus.PENDING, name="Odottava Olli")
    make_comment(article, status=ModerationStatus.PENDING)
    make_comment(article, status=ModerationStatus.APPROVED)

    page = editor_client.get(reverse("admin:index")).content.decode()

    waiting = parse(page).find("a", string="Tarkistusta odottavat kommentit")
    assert text(waiting.find_parent("th").find_next_sibling("td")) == "2"
    assert "Odottava Olli" in page


def test_the_moderation_overview_is_hidden_from_staff_without_permission(
    client, staff_without_permission, article
):
    make_comment(article, status=ModerationStatus.PENDING)
    client.force_login(staff_without_permission)

    assert "Moderointijono" not in client.get(reverse("admin:index")).content.decode()


def test_comment_list_filters_by_status_and_searches_email(editor_client, article):
    make_comment(article, status=ModerationStatus.PENDING, name="Pia", email="pia@example.fi")
    make_comment(article, status=ModerationStatus.APPROVED, name="Aki", email="aki@example.fi")

    pending = editor_client.get(CHANGELIST + "?status__exact=pending").content.decode()
    found = editor_client.get(CHANGELIST + "?q=aki@example.fi").content.decode()

    assert "Pia" in pending and "Aki" not in pending
    assert "Aki" in found and "Pia" not in found


def test_article_admin_shows_rendered_preview_and_the_comments_inline(editor_client, article):
    make_comment(article, body="Inline-kommentti")

    page = editor_client.get(
        reverse("admin:insights_article_change", args=[article.pk])
    ).content.decode()

    assert parse(page).find("strong", string="lihavoituna")
    assert "Inline-kommentti" in page


def test_editor_changing_status_on_the_form_is_recorded(editor_client, editor, article):
    comment = make_comment(article, status=ModerationStatus.PENDING)
    url = reverse("admin:insights_comment_change", args=[comment.pk])

    editor_client.post(
        url,
        {"name": comment.name, "email": comment.email, "body": comment.body, "status": "approved"},
    )

    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED
    assert comment.moderated_by == editor


def test_editors_group_has_only_what_editors_need(editor):
    assert editor.has_perm("insights.moderate_comment")
    assert editor.has_perm("insights.change_article")
    assert not editor.has_perm("auth.change_user")
    assert not editor.has_perm("auth.add_group")
    assert Comment.objects.count() == 0
