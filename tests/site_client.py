"""A tiny browser-like HTTP client for tests and benchmarks that run the site as a server:
keeps cookies, does not follow redirects, and reads a form's hidden tokens from a page."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

HIDDEN_TOKENS = re.compile(r'name="(csrfmiddlewaretoken|aloitettu|kotisivu)" value="([^"]*)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class SiteClient:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def request(self, path: str, data: dict | None = None, timeout: float = 15):
        """(status, body, headers); status 0 when no answer came at all."""
        encoded = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=encoded, timeout=timeout) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error), {}

    def get(self, path: str):
        return self.request(path)

    def post(self, path: str, data: dict):
        return self.request(path, data)

    @staticmethod
    def form_tokens(page: str) -> dict:
        """The hidden fields a browser would send back: CSRF token, time trap, honeypot."""
        return {name: value for name, value in HIDDEN_TOKENS.findall(page)}

    def submit(self, path: str, fields: dict):
        """Load the page with the form, then post it with its tokens, like a person would."""
        status, page, _ = self.get(path)
        if status != 200:
            return status, page, {}
        return self.post(path, {**self.form_tokens(page), **fields})
