"""Ranking reads every matching search vector, so the vectors are stored in the table rows
(storage MAIN), not in TOAST. PostgreSQL only."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("table", ["insights_article", "insights_comment", "cases_case"])
def test_search_vectors_are_kept_in_the_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = %s::regclass AND attname = 'search_vector'",
            [table],
        )
        assert cursor.fetchone() == ("m",)
