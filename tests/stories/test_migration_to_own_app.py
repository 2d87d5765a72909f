"""Stories moved from `cases` to their own app keep their rows, their themes, the editors'
permissions, the admin's history and the mail about them."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stories.models import Submission
from valoa.permissions import EDITORS_GROUP
from valoa.posting.notifications import messages_about

BEFORE = [("cases", "0006_search_index_of_analysed_words"), ("stories", None)]


def before_the_move(executor) -> list:
    """The apps as they were before the move, with `valoa` (its outbox) as it is now: its
    columns stay in the database, so the old-style rows must be written with all of them."""
    latest_valoa = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "valoa"]
    return BEFORE + latest_valoa


def migrate(before: bool = False):
    executor = MigrationExecutor(connection)
    targets = before_the_move(executor) if before else executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_story_sent_before_the_move_is_the_same_story_after_it(editor):
    apps = migrate(before=True)
    OldSubmission = apps.get_model("cases", "Submission")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    story = OldSubmission.objects.create(
        name="Maija",
        email="maija@example.fi",
        organisation="Kunta",
        kind="idea",
        title="Ennen muuttoa",
        story="Teksti.",
    )
    story.themes.set(apps.get_model("valoa", "Theme").objects.filter(slug="dialogi"))
    old_type = OldContentType.objects.get(app_label="cases", model="submission")
    entry = LogEntry.objects.create(
        user_id=editor.pk,
        content_type_id=old_type.pk,
        object_id=str(story.pk),
        object_repr="Ennen muuttoa",
        action_flag=CHANGE,
        change_message="Luettu.",
    )
    apps.get_model("valoa", "OutboxMessage").objects.create(
        purpose="submission receipt",
        subject="Kiitos",
        body="Kiitos.",
        recipients=["maija@example.fi"],
        about=f"cases.submission:{story.pk}",
    )

    migrate()

    moved = Submission.objects.get(pk=story.pk)
    assert moved.title == "Ennen muuttoa"
    assert [theme.slug for theme in moved.themes.all()] == ["dialogi"]
    assert LogEntry.objects.get(pk=entry.pk).get_edited_object() == moved
    editors = Group.objects.get(name=EDITORS_GROUP)
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}
    assert {"stories.change_submission", "stories.export_submission"} <= granted
    assert not any(name.endswith("_submission") and name.startswith("cases.") for name in granted)
    assert messages_about(Submission.objects.filter(pk=story.pk)).count() == 1


def test_links_in_earlier_mails_to_the_admin_lead_to_the_story(editor_client, db):
    response = editor_client.get("/admin/cases/submission/12/change/")

    assert response.status_code == 301
    assert response["Location"] == "/admin/stories/submission/12/change/"
