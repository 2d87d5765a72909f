"""A link whose token cannot be one (a NUL byte, a cut-off or overlong code, other characters)
gets the helpful 404 before any query: PostgreSQL refused NUL bytes with a server error."""

import pytest

pytestmark = pytest.mark.django_db

ROUTES = [
    "/tyokirja/{}/",
    "/tyokirja/{}/missa-olemme/",
    "/tyokirja/{}/mika-on-tarkeaa/",
    "/tyokirja/{}/kokeilu/",
    "/tyokirja/{}/yhteenveto/",
    "/tyokirja/{}/tulosta/",
    "/tyokirja/{}/tulokset.csv",
    "/tyokirja/{}/katsotaan-taaksepain.ics",
    "/tyokirja/{}/uusi-kierros/",
    "/tyokirja/{}/paata-kierros/",
    "/tyokirja/osallistu/{}/",
    "/tyokirja/vastaukseni/{}/",
    "/tyokirja/vastaukseni/{}/muuta/",
]
NOT_TOKENS = [
    "%00",
    "a" * 20 + "%00" + "a" * 22,
    "a" * 39,
    "a" * 65,
    "%C3%A4" * 43,
    "%27%20OR%201=1--" + "a" * 30,
]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("token", NOT_TOKENS)
def test_a_string_that_is_no_token_gets_the_helpful_404_without_a_query(
    client, route, token, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(route.format(token))

    assert response.status_code == 404
    assert "Työkirjaa ei löytynyt" in response.content.decode()


@pytest.mark.parametrize("route", ["/tyokirja/osallistu/{}/", "/tyokirja/{}/missa-olemme/"])
def test_a_post_with_a_nul_byte_gets_the_404_too(client, route):
    response = client.post(route.format("%00"), {"toiminto": "jatka"})

    assert response.status_code == 404
