"""On /en/ dates read day first, as in Finland and Britain, never the US month/day."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_english_pages_show_dates_day_first(client):
    published = timezone.make_aware(datetime.datetime(2026, 3, 4, 12, 0))
    article = make_article(title="Dates", slug="dates", published_at=published)

    path = article.get_absolute_url()

    english = client.get("/en" + path).content.decode()
    finnish = client.get(path).content.decode()

    assert "4 Mar 2026" in english
    assert "03/04/2026" not in english
    assert "4.3.2026" in finnish
