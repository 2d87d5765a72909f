"""The admin action that turns a story into a draft case, linked and marked in review."""

import pytest
from django.contrib.admin.models import LogEntry

from cases.models import Case, Sector
from stories.models import Submission
from tests.factories import make_case, make_submission
from tests.form_pages import link_texts

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/stories/submission/"


def run_action(client, *submissions):
    return client.post(
        CHANGELIST,
        {"action": "create_draft_case", "_selected_action": [s.pk for s in submissions]},
        follow=True,
    )


def test_the_action_creates_a_draft_with_the_story_carried_over(editor_client):
    submission = make_submission(
        title="Kävelypalaverit ja työn tarkastelu",
        kind=Submission.Kind.EXPERIMENT,
        organisation="Esimerkkilän kaupunki",
        role="Tiiminvetäjä",
        phone="040 123 4567",
        story="Ensimmäinen kappale on ingressi.\n\nToinen kappale kertoo lisää.",
        themes=["dialogi", "tyon-tarkastelu-yhdessa"],
    )

    response = run_action(editor_client, submission)

    page = response.content.decode()
    case = Case.objects.get()
    assert "Luotiin 1 luonnos:" in page
    assert link_texts(page)[f"/admin/cases/case/{case.pk}/change/"] == case.title
    assert "Tarkista ainakin sektori" in page
    assert case.status == Case.Status.DRAFT
    assert case.kind == Case.Kind.EXPERIMENT
    assert case.title == "Kävelypalaverit ja työn tarkastelu"
    assert case.slug == "kavelypalaverit-ja-tyon-tarkastelu"
    assert case.organisation == "Esimerkkilän kaupunki"
    assert case.sector == Sector.OTHER
    assert case.lead == "Ensimmäinen kappale on ingressi."
    assert case.background == submission.story
    assert "Maija Meikäläinen" in case.contact and "040 123 4567" in case.contact
    assert case.contact_public is False
    assert sorted(t.slug for t in case.themes.all()) == ["dialogi", "tyon-tarkastelu-yhdessa"]
    submission.refresh_from_db()
    assert submission.case == case
    assert submission.status == Submission.Status.IN_REVIEW
    assert LogEntry.objects.filter(object_id=str(case.pk), action_flag=1).exists()
    assert LogEntry.objects.filter(
        object_id=str(submission.pk), change_message__startswith="Luotiin luonnos"
    ).exists()
    # The draft is not public.
    assert editor_client.get(case.get_absolute_url()).status_code == 404


def test_an_idea_becomes_a_case_example_and_a_taken_slug_gets_a_number(editor_client):
    make_case(title="Idea", slug="idea")
    submission = make_submission(title="Idea", kind=Submission.Kind.IDEA)

    run_action(editor_client, submission)

    case = Case.objects.get(status=Case.Status.DRAFT)
    assert case.kind == Case.Kind.CASE
    assert case.slug == "idea-2"


def test_a_story_that_already_has_a_draft_gets_no_second_one(editor_client, submission):
    run_action(editor_client, submission)

    response = run_action(editor_client, submission)

    assert Case.objects.count() == 1
    assert "on jo luonnos; uutta ei luotu" in response.content.decode()


def test_several_stories_become_several_drafts(editor_client):
    first = make_submission(title="Ensimmäinen")
    second = make_submission(title="Toinen")

    response = run_action(editor_client, first, second)

    assert "Luotiin 2 luonnosta:" in response.content.decode()
    assert set(Case.objects.values_list("title", flat=True)) == {"Ensimmäinen", "Toinen"}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 302), ("staff_without_permission", 403), ("submission_viewer", 200)],
)
def test_the_action_needs_the_permission(client, submission, persona, expected, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.post(
        CHANGELIST, {"action": "create_draft_case", "_selected_action": [submission.pk]}
    )

    assert response.status_code == expected
    assert Case.objects.count() == 0
    submission.refresh_from_db()
    assert submission.status == Submission.Status.NEW


def test_the_action_is_not_offered_without_the_permission(client, submission, submission_viewer):
    client.force_login(submission_viewer)

    page = client.get(CHANGELIST).content.decode()

    assert submission.title in page  # they may look…
    assert "create_draft_case" not in page  # …but not act
    assert "export_csv" not in page
