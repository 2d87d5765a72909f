"""A cached page is answered before routing and the view: no queries, the same headers,
no cookies, and the site still answers when the cache does not."""

import pytest
from django.test import Client, override_settings

from tests.factories import make_comment
from tests.form_pages import parse

pytestmark = pytest.mark.django_db
PER_RESPONSE = {"X-Page-Cache", "X-Request-ID", "Set-Cookie", "Content-Length"}


def headers(response) -> dict:
    return {name: value for name, value in response.items() if name not in PER_RESPONSE}


def test_a_hit_makes_no_database_queries(article, django_assert_num_queries):
    for number in range(3):
        make_comment(article, body=f"Kommentti {number}")
    Client().get(article.get_absolute_url())

    with django_assert_num_queries(0):
        response = Client().get(article.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    assert "Kommentti 2" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/sv/", "/en/oivallukset/", "/haku/?q=valmentava"])
def test_a_hit_has_the_headers_of_the_rendered_page(article, path):
    miss = Client().get(path)
    hit = Client().get(path)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert headers(hit) == headers(miss)
    for name in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert name in hit, name


def test_content_length_counts_the_filled_in_tokens(article):
    miss = Client().get(article.get_absolute_url())
    hit = Client().get(article.get_absolute_url())

    for response in (miss, hit):
        assert int(response["Content-Length"]) == len(response.content)


def test_a_page_with_a_comment_form_sets_no_cookie(article):
    miss = Client().get(article.get_absolute_url())
    hit = Client().get(article.get_absolute_url())

    assert hit["X-Page-Cache"] == "hit"
    assert not miss.cookies and not hit.cookies  # nothing per reader: a shared copy is safe
    assert parse(hit.content.decode()).find("form", attrs={"method": "post"})


def test_a_hit_for_an_unknown_host_is_refused(article):
    Client().get("/")

    assert Client(HTTP_HOST="evil.example").get("/").status_code == 400


def test_the_search_page_is_cached_per_query(client, article):
    client.get("/haku/?q=valmentava")

    assert client.get("/haku/?q=valmentava")["X-Page-Cache"] == "hit"
    assert client.get("/haku/?q=kokeilu")["X-Page-Cache"] == "miss"


def test_pages_are_served_when_the_cache_is_down(article, caplog):
    # Nothing listens on port 1: every cache operation fails at once.
    down = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1",
    }
    with override_settings(CACHES={"default": down}):
        response = Client().get(article.get_absolute_url())

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "Shared cache unavailable (ConnectionError)" in caplog.text
