"""`published_sql()`, the visibility rule written as SQL for hand-written queries (the case
page's related cases), selects exactly the rows `published()` selects: readers never see a
draft, a document of another status or one scheduled for later through it either."""

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import make_article, make_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("make", [make_article, make_case])
def test_published_sql_selects_what_published_selects(make):
    # An hour either way of now: a time compared in the wrong zone would move one across.
    hour = timezone.timedelta(hours=1)
    shown = make(status="published", published_at=timezone.now() - hour)
    make(status="published", published_at=timezone.now() + hour)
    make(status="draft", published_at=timezone.now() - hour)
    make(status="draft", published_at=timezone.now() + hour)
    unknown = make(status="published", published_at=timezone.now() - hour)
    model = type(shown)
    model.objects.filter(pk=unknown.pk).update(status="archived")

    condition, params = model.objects.published_sql("d")
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.{quote(model._meta.pk.column)} FROM {quote(model._meta.db_table)} d"
            f" WHERE {condition}",
            params,
        )
        selected = [pk for (pk,) in cursor.fetchall()]

    assert selected == [shown.pk]
    assert set(model.objects.published().values_list("pk", flat=True)) == {shown.pk}
