"""Every response carries the security headers; production cookies are secure."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/oivallukset/", "/ei-ole/", "/healthz"])
def test_security_headers_on_every_response(client, url):
    make_article()
    response = client.get(url)

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-ID"]) == 32


def test_hsts_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_security_txt_names_a_contact_and_an_expiry(client):
    response = client.get("/.well-known/security.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Contact: mailto:" in text
    assert "Expires: " in text
