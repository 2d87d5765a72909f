"""A login-free public form refuses a post that the browser says comes from another site, with
a readable Finnish page, and stores nothing (SECURITY.md: forms without a login)."""

import pytest
from django.test import Client

from tests.form_pages import parse, text
from tests.login_free_forms import FORMS, address, data, stored
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db
CROSS_SITE = {
    "another site": {"HTTP_SEC_FETCH_SITE": "cross-site"},
    "a sibling subdomain": {"HTTP_SEC_FETCH_SITE": "same-site"},
    "a foreign Origin": {"HTTP_ORIGIN": "https://huijari.example"},
    "an opaque Origin": {"HTTP_ORIGIN": "null"},
    "a foreign Referer": {"HTTP_REFERER": "https://huijari.example/lomake/"},
    # The fetch metadata decides: a matching Origin does not make a cross-site post our own.
    "cross-site with our Origin": {
        "HTTP_SEC_FETCH_SITE": "cross-site",
        "HTTP_ORIGIN": "http://testserver",
    },
}


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("headers", CROSS_SITE.values(), ids=CROSS_SITE)
def test_a_cross_site_post_is_refused_and_nothing_is_stored(article, name, headers):
    response = Client().post(address(name, article), data(name), **headers)

    assert response.status_code == 403
    page = parse(response.content.decode())
    assert text(page.h1) == "Lomake lähetettiin toiselta sivustolta"
    assert "Takaisin-painikkeella" in text(page.main)
    assert stored(name) == 0
    assert not OutboxMessage.objects.exists()


def test_the_refusal_is_in_the_readers_language(article):
    response = Client().post("/en/palaute/", data("feedback"), HTTP_SEC_FETCH_SITE="cross-site")

    assert response.status_code == 403
    assert parse(response.content.decode()).html["lang"] == "en"
