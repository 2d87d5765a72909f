"""PostgreSQL's timestamps are read by psycopg's compiled loader (valoa.database), and they
come back exactly as stored: the same moment, to the microsecond, in UTC as Django gives them."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection
from psycopg.pq import Format

from insights.models import Article
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HELSINKI = ZoneInfo("Europe/Helsinki")
MOMENTS = [
    datetime(2026, 11, 30, 9, 2, 17, 793742, tzinfo=UTC),
    datetime(1970, 1, 1, tzinfo=UTC),
    datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    # Either side of the hour Finland's clocks go back, given in Finnish time.
    datetime(2026, 10, 25, 3, 30, fold=0, tzinfo=HELSINKI),
    datetime(2026, 10, 25, 3, 30, fold=1, tzinfo=HELSINKI),
]


def test_timestamps_come_back_as_stored_in_utc():
    articles = [
        make_article(title=f"Hetki {n}", published_at=moment) for n, moment in enumerate(MOMENTS)
    ]

    read = list(Article.objects.filter(pk__in=[a.pk for a in articles]).order_by("title"))

    # In UTC: a moment of the repeated hour never equals one given in another zone (PEP 495).
    assert [article.published_at for article in read] == [m.astimezone(UTC) for m in MOMENTS]
    assert {article.published_at.tzinfo for article in read} == {UTC}
    oid = psycopg.adapters.types["timestamptz"].oid
    loader = connection.connection.adapters.get_loader(oid, Format.TEXT)
    assert loader.__module__ == "valoa.database"
