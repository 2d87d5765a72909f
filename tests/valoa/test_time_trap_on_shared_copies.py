"""The time trap works on a page that a shared cache kept: the token is minted when the app
serves the page, and nginx keeps a copy for less than FORM_MIN_SECONDS, so a robot that posts at
once from the oldest copy is still too fast, and a person who takes the minimum is not."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from insights.models import Comment
from tests.factories import comment_data
from valoa.web.page_cache import SHARED_CACHE_CONTROL, SHARED_COPY_MAX_AGE

pytestmark = pytest.mark.django_db


def longest_kept() -> int:
    """How long nginx may serve a copy: s-maxage, counted in whole seconds (a copy stored
    late in a second lives to the end of the next), and never stale."""
    assert "stale-" not in SHARED_CACHE_CONTROL  # a stale copy would be older still
    kept = int(re.search(r"s-maxage=(\d+)", SHARED_CACHE_CONTROL)[1]) + 1
    assert kept == SHARED_COPY_MAX_AGE  # what the system check compares FORM_MIN_SECONDS with
    return kept


@pytest.fixture
def shared_copy(settings, time_machine, article):
    """The article page as nginx would store it, served from the app's cache: (when, its
    time-trap token)."""
    settings.FORM_MIN_SECONDS = 3
    shown = timezone.now()
    time_machine.move_to(shown, tick=False)
    Client().get(article.get_absolute_url())
    page = Client().get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    return shown, re.search(r'name="aloitettu" value="([^"]+)"', page.content.decode())[1]


def post(article, token: str):
    return Client().post(article.get_absolute_url(), comment_data(aloitettu=token))


def test_a_robot_posting_at_once_from_the_oldest_copy_is_caught(article, shared_copy, time_machine):
    shown, token = shared_copy
    time_machine.move_to(shown + timedelta(seconds=longest_kept()), tick=False)

    response = post(article, token)

    assert response.status_code == 200  # the form again, with the error
    assert "näytti automaattiselta" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_person_who_takes_the_minimum_gets_through(article, shared_copy, time_machine):
    shown, token = shared_copy
    time_machine.move_to(shown + timedelta(seconds=3), tick=False)

    response = post(article, token)

    assert response.status_code == 302
    assert Comment.objects.count() == 1
