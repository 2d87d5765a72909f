"""Going back, changing the text and sending again from the same page load stores the new text
(the repeat check is for the same text sent twice, not for one showing of the form)."""

import pytest

from insights.models import Comment
from stories.models import Submission
from tests.factories import comment_data, story_data

pytestmark = pytest.mark.django_db


def test_a_changed_comment_is_stored_and_shown_to_its_writer(client, article):
    first = comment_data(body="Ensimmäinen versio")
    changed = {**first, "body": "Korjattu versio"}  # same page load: same form token

    client.post(article.get_absolute_url(), first)
    response = client.post(article.get_absolute_url(), changed)
    again = client.post(article.get_absolute_url(), changed)

    assert response.status_code == again.status_code == 302
    assert sorted(Comment.objects.values_list("body", flat=True)) == [
        "Ensimmäinen versio",
        "Korjattu versio",
    ]
    assert "Korjattu versio" in client.get(response["Location"]).content.decode()
    assert again["Location"] == response["Location"]


def test_a_changed_story_is_stored(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    first = story_data(story="Ensimmäinen kertomus")

    client.post("/innostu/kerro/", first)
    client.post("/innostu/kerro/", {**first, "story": "Korjattu kertomus"})
    client.post("/innostu/kerro/", {**first, "story": "Korjattu kertomus"})

    assert sorted(Submission.objects.values_list("story", flat=True)) == [
        "Ensimmäinen kertomus",
        "Korjattu kertomus",
    ]
