"""New and returned stories and erasure requests appear in the editors' moderation overview."""

import pytest
from django.utils import timezone

from stories.models import Submission
from tests.factories import make_comment, make_submission
from tests.form_pages import hrefs

pytestmark = pytest.mark.django_db


def test_waiting_stories_and_pending_comments_are_listed_together_oldest_first(
    editor_client, article
):
    now = timezone.now()
    make_submission(title="Vanha kertomus", created_at=now - timezone.timedelta(days=3, hours=1))
    make_comment(
        article,
        status="pending",
        body="Odottava kommentti",
        created_at=now - timezone.timedelta(hours=2),
    )
    make_submission(
        title="Palautettu kertomus",
        status=Submission.Status.RETURNED,
        created_at=now - timezone.timedelta(days=10),
        returned_at=now - timezone.timedelta(hours=1),
    )
    make_submission(title="Käsittelyssä oleva", status=Submission.Status.IN_REVIEW)
    make_submission(title="Roskaa", status=Submission.Status.SPAM)

    page = editor_client.get("/admin/").content.decode()

    assert "Käsittelyä odottavat kertomukset" in page
    assert "Uusi kertomus" in page and "Muokattu kertomus" in page
    assert page.index("Vanha kertomus") < page.index("Odottava kommentti")
    assert page.index("Odottava kommentti") < page.index("Palautettu kertomus")
    assert "Käsittelyssä oleva" not in page
    assert "Roskaa" not in page
    assert "/admin/stories/submission/?odottaa=kylla" in hrefs(page)
    assert "3\xa0päivää" in page  # the age of the oldest


def test_each_item_links_to_where_it_is_handled(editor_client, submission):
    page = editor_client.get("/admin/").content.decode()

    assert f"/admin/stories/submission/{submission.pk}/change/" in hrefs(page)


def test_an_erasure_request_is_in_the_queue_even_for_a_handled_story(editor_client):
    make_submission(
        title="Pyytää poistoa",
        status=Submission.Status.DECLINED,
        erasure_requested_at=timezone.now(),
    )

    page = editor_client.get("/admin/").content.decode()

    assert "Poistopyyntö" in page
    assert "Pyytää poistoa" in page


def test_staff_without_the_permission_do_not_see_the_stories_queue(
    client, staff_without_permission, submission
):
    client.force_login(staff_without_permission)

    page = client.get("/admin/").content.decode()

    assert "Käsittelyä odottavat kertomukset" not in page
    assert submission.title not in page
