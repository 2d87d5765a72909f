"""The site search /haku/: what a reader finds, on SQLite and on PostgreSQL alike.

Finnish word forms, ranking, highlighting and suggestions have their own test files
(test_search_*.py)."""

import re

import pytest
from django.utils import timezone

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_case, make_comment, theme
from tests.form_pages import heading, hrefs, parse, text
from tests.page_checks import inline_scripts, kept_out_of_search_engines
from tests.valoa.search_page import search_page, titles
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def results(client, **params):
    """The list of results on the search page, parsed (None when there is none)."""
    response = client.get("/haku/", params)
    assert response.status_code == 200
    return parse(response.content.decode()).find("ol", class_="search-results")


def test_every_page_has_a_labelled_search_box_in_its_header(client):
    article = make_article()
    case = make_case()
    for url in ["/", "/oivallukset/", article.get_absolute_url(), case.get_absolute_url(),
                "/innostu/", "/tyokirja/", "/tietosuoja/", "/haku/?q=kokeilu"]:  # fmt: skip
        header = parse(client.get(url).content.decode()).find("header", class_="site-header")
        form = header.find("form", class_="site-search")
        assert form, url
        assert form.get("role") == "search" and form.get("action") == "/haku/", url
        assert form.find("label", attrs={"for": "sivuhaku"}), url
        field = form.find("input", id="sivuhaku")
        assert field.get("type") == "search" and field.get("name") == "q", url


def test_finds_published_articles_and_cases_with_their_kind_and_date(client):
    make_article(title="Kuulumiskierros aloittaa palaverin", lead="Kokemuksia tiimeistä.")
    make_case(title="Kuulumiskierros kunnan tiimissä", kind=Case.Kind.EXPERIMENT)
    make_case(title="Toinen aihe", lead="Tässä ei puhuta siitä.")

    found = results(client, q="kuulumiskierros")

    assert sorted(titles(client, q="kuulumiskierros")) == [
        "Kuulumiskierros aloittaa palaverin",
        "Kuulumiskierros kunnan tiimissä",
    ]
    assert sorted(text(kind) for kind in found.find_all("span", class_="kind")) == [
        "Artikkeli",
        "Kokeilu",
    ]
    assert any(
        date.get("datetime") and re.fullmatch(r"\d+\.\d+\.\d{4}", text(date))
        for date in found.find_all("time")
    )
    page = client.get("/haku/", {"q": "kuulumiskierros"}).content.decode()
    assert "löytyi 2 tulosta" in page


def test_drafts_and_future_content_are_never_found(client):
    make_article(title="Luonnos kuulumiskierroksesta", status=Article.Status.DRAFT)
    make_article(
        title="Tuleva kuulumiskierros", published_at=timezone.now() + timezone.timedelta(days=1)
    )
    make_case(title="Luonnosesimerkki kuulumiskierros", status=Case.Status.DRAFT)

    assert titles(client, q="kuulumiskierros") == []
    assert titles(client, q="luonnos") == []


def test_an_approved_comment_brings_its_article_but_a_pending_one_does_not(client):
    article = make_article(title="Palaverikäytännöt")
    make_comment(article, body="Meillä auttoi kävelykokous metsässä.")
    hidden = make_article(title="Toinen kirjoitus")
    make_comment(hidden, status=ModerationStatus.PENDING, body="Salainen kävelykokous.")
    make_comment(hidden, status=ModerationStatus.SPAM, body="kävelykokous kasino")

    found = results(client, q="kävelykokous")

    assert titles(client, q="kävelykokous") == ["Palaverikäytännöt"]
    assert "Hakusanat löytyivät lukijoiden kommenteista." in text(found)
    assert found.find("a", href=f"{article.get_absolute_url()}#kommentit-otsikko")


def test_content_is_found_once_even_when_its_comments_match_too(client):
    article = make_article(title="Kävelykokous toimii")
    make_comment(article, body="Kävelykokous oli hyvä.")
    make_comment(article, body="Niin oli kävelykokous meilläkin.")

    assert titles(client, q="kävelykokous") == ["Kävelykokous toimii"]


def test_filters_by_kind_and_theme(client):
    make_article(title="Artikkeli oppimisesta arjessa")
    make_case(title="Esimerkki oppimisesta", kind=Case.Kind.CASE, themes=["dialogi"])
    make_case(title="Kokeilu oppimisesta", kind=Case.Kind.EXPERIMENT)

    assert titles(client, q="oppimisesta", laji="kokeilu") == ["Kokeilu oppimisesta"]
    assert titles(client, q="oppimisesta", laji="tapausesimerkki") == ["Esimerkki oppimisesta"]
    assert titles(client, q="oppimisesta", laji="artikkeli") == ["Artikkeli oppimisesta arjessa"]
    assert titles(client, q="oppimisesta", teema="dialogi") == ["Esimerkki oppimisesta"]
    # An unknown value is ignored, not an error.
    assert len(titles(client, q="oppimisesta", laji="tuntematon", teema="ei-ole")) == 3


def test_a_theme_alone_lists_everything_in_it_newest_first(client):
    days_ago = lambda days: timezone.now() - timezone.timedelta(days=days)  # noqa: E731
    older = make_article(title="Vanha kirjoitus", published_at=days_ago(3))
    older.themes.set([theme("dialogi")])
    make_case(title="Uusi esimerkki", themes=["dialogi"], published_at=days_ago(1))
    make_case(title="Muu teema", themes=["jaettu-johtajuus"], published_at=days_ago(2))

    assert titles(client, teema="dialogi") == ["Uusi esimerkki", "Vanha kirjoitus"]


def test_results_come_a_page_at_a_time_and_keep_the_query(client):
    for number in range(12):
        make_article(title=f"Sivutettava kirjoitus {number}")

    first = client.get("/haku/", {"q": "sivutettava"}).content.decode()
    second = titles(client, q="sivutettava", sivu="2")

    assert len(titles(client, q="sivutettava")) == 10
    assert len(second) == 2
    assert parse(first).find("a", href="?q=sivutettava&sivu=2", rel="next")
    assert "Sivu 1 / 2" in first


def test_snippet_highlights_the_words_and_escapes_the_content(client):
    make_article(
        title="Turvallisuus",
        lead="Ingressi ilman osumaa.",
        body='Tekstissä on <script>alert("x")</script> ja <b>lihava</b> kävelykokous & muuta.',
    )

    [result] = search_page(client, "kävelykokous").results

    assert result.snippet_marks == ["kävelykokous"]
    assert result.snippet_tags == []  # no tag but <mark> comes from the content
    assert '<script>alert("x")</script>' in result.snippet and "& muuta" in result.snippet


def test_empty_search_shows_themes_and_the_workbook(client):
    page = client.get("/haku/").content.decode()

    assert heading(page) == "Haku"
    assert "/haku/?teema=dialogi" in hrefs(page)
    assert "/tyokirja/" in hrefs(page)
    assert parse(page).find(class_="search-results") is None


def test_nothing_found_suggests_themes_and_the_workbook(client):
    make_article(title="Jotain muuta")

    page = client.get("/haku/", {"q": "zzxxyy"}).content.decode()

    assert "Haulla ”zzxxyy” löytyi 0 tulosta" in page
    assert "Ei osumia – kokeile näitä" in page
    assert "/haku/?teema=dialogi" in hrefs(page)
    assert "/tyokirja/" in hrefs(page)


ODD_QUERIES = [
    "",
    "   ",
    '"',
    "'",
    '"kokeilu',
    "kokeilu\"'",
    "&|!:*",
    "kokeilu & | ! : * <-> ( )",
    "!!!((( :* ",
    "'; DROP TABLE insights_article; --",
    "1' OR '1'='1",
    "kokeilu OR 1=1 UNION SELECT * FROM auth_user",
    "😀",
    "kokeilu 😀🎉",
    "\x00kokeilu\x00",
    "<script>alert(1)</script>",
    "-",
    "-kokeilu",
    "or",
    "ja on ei",
    "%_\\",
    "kokeilu:*",
    "a" * 250,
    "kokeilu " * 60,
    "²",  # a digit to str.isdigit(), not to int()
    "9" * 5000,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_page_not_an_error(client, query):
    make_article(title="Kokeilu ja sen opit")
    make_case(title="Toinen kokeilu")

    response = client.get("/haku/", {"q": query, "laji": query, "teema": query, "sivu": query})

    assert response.status_code == 200
    page = response.content.decode()
    assert inline_scripts(parse(page)) == []
    assert heading(page) == "Haku"


def test_a_query_over_200_characters_is_cut_and_the_reader_told(client):
    make_article(title="Kokeilu")

    page = client.get("/haku/", {"q": "kokeilu " + "x" * 300}).content.decode()

    assert "Hakusana oli yli 200 merkkiä pitkä" in page
    value = parse(page).find("input", id="haku-q")["value"]
    assert len(value) <= 200


def test_search_pages_are_kept_out_of_search_engines(client):
    page = client.get("/haku/", {"q": "kokeilu"}).content.decode()

    assert kept_out_of_search_engines(parse(page))
