"""<time datetime> and the article meta times are valid HTML: seconds, never microseconds."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import make_article, make_case, make_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# What HTML's "valid global date and time string" allows, as this site writes it.
VALID = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def test_times_carry_no_microseconds(client):
    # A second back: with the microseconds replaced, it might be a moment in the future.
    moment = timezone.now().replace(microsecond=329019) - timezone.timedelta(seconds=1)
    article = make_article(published_at=moment)
    make_comment(article)
    case = make_case(published_at=moment)

    for path in ["/", "/oivallukset/", article.get_absolute_url(), case.get_absolute_url()]:
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        values = [time["datetime"] for time in soup("time")]
        values += [meta["content"] for meta in soup.select('meta[property$="_time"]')]
        assert values, path
        for value in values:
            assert VALID.fullmatch(value), (path, value)
