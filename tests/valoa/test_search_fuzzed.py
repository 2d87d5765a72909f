"""Property-based: whatever the query and filters, the search page answers 200 and never
lets markup from the query or the content through."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import make_article, make_case, make_comment
from tests.form_pages import parse

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
FUZZ = hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SYNTAX = [*"\"'&|!:*()<>-\\%_", " or ", " <-> ", ":*", "&&", "||", "--", ";"]
any_query = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "So"])),
    st.lists(st.sampled_from([*SYNTAX, "kokeilu", "dialogi", "ja", "😀"]), max_size=12).map(
        "".join
    ),
    st.text(min_size=190, max_size=400),
)


@pytest.fixture
def content(db):
    article = make_article(title="Kokeilu <b>ja</b> dialogi", body="<script>alert(1)</script>")
    make_comment(article, body="Kokeilu toimi.")
    make_case(title="Dialogi kunnassa", lead="Kokeilun <i>tulokset</i>.")


@FUZZ
@given(query=any_query, kind=any_query, theme=any_query, page=any_query)
def test_any_query_gives_a_page_without_foreign_markup(client, content, query, kind, theme, page):
    response = client.get("/haku/", {"q": query, "laji": kind, "teema": theme, "sivu": page})

    assert response.status_code == 200
    main = parse(response.content.decode()).find("main", id="sisalto")
    assert main.find(["script", "b", "i", "img"]) is None
