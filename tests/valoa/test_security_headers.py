"""Every response carries the security headers; production cookies are secure."""

import pytest
from csp.constants import NONCE
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse

from tests.factories import make_article
from valoa.web.middleware import ContentSecurityPolicyMiddleware

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


def _headers(response) -> dict:
    names = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
    return {name: response.get(name) for name in names}


def _django_csp(request, response):
    return CSPMiddleware(lambda request: response).process_response(request, response)


@pytest.mark.parametrize("status", [200, 404])
def test_the_policy_built_once_is_the_one_django_csp_builds(rf, settings, status):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'none'"]},
        "EXCLUDE_URL_PREFIXES": ["/tyokirja/"],
    }
    sent = {}
    for path in ("/", "/tyokirja/abc/"):
        ours = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(status=status))
        sent[path] = _headers(ours(rf.get(path)))

        assert sent[path] == _headers(_django_csp(rf.get(path), HttpResponse(status=status)))
    assert sent["/"]["Content-Security-Policy-Report-Only"] == "default-src 'none'"
    assert sent["/tyokirja/abc/"]["Content-Security-Policy-Report-Only"] is None


def test_a_policy_of_its_own_is_still_sent(rf, settings):
    """A nonce used, a view's decorator, an exemption: django-csp's own handling."""
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    @csp_update({"img-src": ["https://kuvat.example.fi"]})
    def view(request):
        return HttpResponse(str(request.csp_nonce))

    request = rf.get("/")
    response = ContentSecurityPolicyMiddleware(view)(request)
    policy = response["Content-Security-Policy"]
    assert "https://kuvat.example.fi" in policy
    assert f"'nonce-{response.content.decode()}'" in policy
    assert (
        "https://kuvat.example.fi"
        not in ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(rf.get("/"))[
            "Content-Security-Policy"
        ]
    )

    exempt = csp_exempt()(lambda request: HttpResponse())
    assert "Content-Security-Policy" not in ContentSecurityPolicyMiddleware(exempt)(rf.get("/"))


def test_a_changed_policy_setting_is_sent_at_once(rf, settings):
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    middleware(rf.get("/"))
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    assert middleware(rf.get("/"))["Content-Security-Policy"] == "default-src 'none'"
