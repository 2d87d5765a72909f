"""Search results from every source (articles, cases, articles found through their comments)
come a page at a time: each document once, none skipped, and the total counted right."""

import pytest

from tests.factories import make_article, make_case, make_comment
from tests.valoa.search_page import search_page

pytestmark = pytest.mark.django_db


def page_titles(client, **params) -> tuple[list[str], str]:
    page = search_page(client, **params)
    return page.titles, page.html


def test_every_document_comes_once_across_the_pages_and_the_total_counts_them(client):
    expected = set()
    for number in range(9):
        expected.add(make_article(title=f"Kuulumiskierros artikkelissa {number}").title)
    for number in range(2):  # found by their own text and by a comment: still once
        article = make_article(title=f"Kuulumiskierros ja kommentit {number}")
        make_comment(article, body="Kuulumiskierros toimii meilläkin.")
        expected.add(article.title)
    for number in range(8):
        expected.add(make_case(title=f"Kuulumiskierros kunnassa {number}").title)
    for number in range(6):  # found through their comments only
        article = make_article(title=f"Palaverikäytännöt {number}")
        make_comment(article, body="Aloitamme aina kuulumiskierroksella. Kuulumiskierros auttaa.")
        expected.add(article.title)
    make_article(title="Muuta")

    first, page = page_titles(client, q="kuulumiskierros")
    second, _ = page_titles(client, q="kuulumiskierros", sivu="2")
    third, _ = page_titles(client, q="kuulumiskierros", sivu="3")

    assert "löytyi 25 tulosta" in page
    assert "Sivu 1 / 3" in page
    assert [len(first), len(second), len(third)] == [10, 10, 5]
    assert sorted(first + second + third) == sorted(expected)
