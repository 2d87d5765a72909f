"""The public forms that carry no login (valoa.posting.login_free_form), as a browser sends
them: for the tests of cross-site refusal, posting without a CSRF token and shared pages."""

from django.db import models

from feedback.models import Feedback
from insights.models import Article, Comment
from stories.models import Submission
from subscriptions.models import Subscription
from tests.factories import comment_data, form_data, story_data

# name: (address, the filled form, where a stored post lands)
FORMS = {
    "comment": (None, lambda: comment_data(), Comment),
    "reader insight": ("/oivallukset/", lambda: comment_data(), Comment),
    "feedback": ("/palaute/", lambda: form_data(message="Hyvä sivusto."), Feedback),
    "subscribing": (
        "/tilaa/",
        lambda: form_data(email="tilaaja@example.fi", sections=["innostu"]),
        Subscription,
    ),
    "story": ("/innostu/kerro/", lambda: story_data(), Submission),
}


def address(name: str, article: Article) -> str:
    return FORMS[name][0] or article.get_absolute_url()


def data(name: str) -> dict:
    return FORMS[name][1]()


def stored(name: str) -> int:
    model: type[models.Model] = FORMS[name][2]
    return model._default_manager.count()
