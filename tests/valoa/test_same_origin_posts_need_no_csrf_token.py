"""A login-free public form sent from the site's own page is taken without any CSRF token or
cookie, also by a strict client: the post is stored and its mail goes out."""

import pytest
from django.test import Client

from tests.login_free_forms import FORMS, address, data, stored
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db
OWN = {
    "fetch metadata": {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
    "typed by the person": {"HTTP_SEC_FETCH_SITE": "none"},
    "Origin only (an older browser)": {"HTTP_ORIGIN": "http://testserver"},
    "Referer only": {"HTTP_REFERER": "http://testserver/palaute/"},
    # Not a browser (curl, a script): no cross-site request is possible without one.
    "no browser headers": {},
}


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("headers", OWN.values(), ids=OWN)
def test_a_post_from_the_sites_own_page_is_stored_and_mailed(article, name, headers):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(address(name, article), data(name), **headers)

    assert response.status_code == 302
    assert stored(name) == 1
    assert OutboxMessage.objects.exists()
