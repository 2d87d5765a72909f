"""Property-based: arbitrary input to public forms and query parameters never gives a 500;
invalid input is never stored and valid input is stored exactly once."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from insights.models import Comment
from stories.models import Submission
from tests.factories import comment_data, make_case, story_data
from workbook.models import Workbook

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
FUZZ = hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"])),
    st.sampled_from(["\x00", "\u202e", "' OR 1=1 --", "<script>alert(1)</script>", "😀" * 50]),
    st.text(min_size=5001, max_size=6000),
)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATE_LIMIT_POSTS = 10**6


@FUZZ
@given(name=any_text, email=any_text, body=any_text)
def test_comment_form_never_fails_and_stores_only_valid_comments(
    client, article, name, email, body
):
    before = Comment.objects.count()

    response = client.post(
        article.get_absolute_url(), comment_data(name=name, email=email, body=body)
    )

    assert response.status_code in {200, 302}
    stored = Comment.objects.count() - before
    if response.status_code == 302:
        assert stored == 1
        comment = Comment.objects.latest("pk")
        assert "\x00" not in comment.body and comment.body.strip()
    else:
        assert stored == 0


@FUZZ
@given(
    name=any_text,
    email=any_text,
    title=any_text,
    story=st.one_of(any_text, st.text(min_size=1, max_size=20).map(lambda t: (t * 10001)[:10050])),
    kind=st.one_of(st.sampled_from(["esimerkki", "kokeilu", "idea"]), any_text),
)
def test_story_form_never_fails_and_stores_only_valid_stories(
    client, name, email, title, story, kind
):
    before = Submission.objects.count()
    data = story_data(name=name, email=email, title=title, story=story, kind=kind)

    response = client.post("/innostu/kerro/", data)

    assert response.status_code in {200, 302}
    assert Submission.objects.count() - before == (1 if response.status_code == 302 else 0)


@FUZZ
@given(mode=st.one_of(st.sampled_from(["solo", "team"]), any_text), name=any_text)
def test_workbook_start_never_fails(client, mode, name):
    before = Workbook.objects.count()

    response = client.post("/tyokirja/", {"mode": mode, "name": name})

    assert response.status_code in {200, 302}
    assert Workbook.objects.count() - before == (1 if response.status_code == 302 else 0)


@FUZZ
@given(link=any_text)
def test_continuing_with_any_link_never_fails(client, link):
    response = client.post("/tyokirja/jatka/", {"linkki": link})

    assert response.status_code in {200, 302, 404}


PAGE_VALUES = st.one_of(any_text, st.integers().map(str), st.sampled_from(["-1", "99999", "abc"]))


@FUZZ
@given(value=PAGE_VALUES, param=st.sampled_from(["sivu", "oivallukset", "oma", "vastaa"]))
def test_insights_query_parameters_never_give_a_500(client, article, param, value):
    for url in ("/oivallukset/", article.get_absolute_url()):
        response = client.get(url, {param: value})
        assert response.status_code == 200


@FUZZ
@given(value=PAGE_VALUES, param=st.sampled_from(["laji", "teema", "sektori", "sivu"]))
def test_case_filters_never_give_a_500(client, param, value):
    make_case(title="Suodatettava")

    response = client.get("/innostu/", {param: value, "laji": "kokeilu"})

    assert response.status_code == 200


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_raw_bytes_including_invalid_utf8_never_give_a_500(client, article, raw):
    response = client.generic(
        "POST",
        article.get_absolute_url(),
        data=raw,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in {200, 400}
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_wrong_methods_are_refused_with_405(client, article, method):
    assert client.generic(method, article.get_absolute_url()).status_code == 405
    assert client.generic(method, "/oivallukset/").status_code == 405


def test_repeated_fields_use_one_value_and_store_one_comment(client, article):
    data = comment_data()
    data["body"] = ["ensimmäinen", "toinen"]

    response = client.post(article.get_absolute_url(), data)

    assert response.status_code == 302
    assert Comment.objects.get().body in {"ensimmäinen", "toinen"}


@pytest.mark.parametrize("url", ["/oivallukset/", "/innostu/kerro/", "/tyokirja/"])
def test_a_one_megabyte_field_is_refused_with_a_readable_page(client, url):
    response = client.post(url, {**comment_data(), "body": "x" * 1_100_000})

    assert response.status_code == 400
    assert "Pyyntöä ei voitu käsitellä" in response.content.decode()
    assert Comment.objects.count() == 0
