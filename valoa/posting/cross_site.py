"""Forms that anyone may send without a login refuse cross-site posts by what the browser says
of the post's origin, instead of Django's per-reader CSRF token, so that their pages can be one
shared cached copy (the page cache, nginx's microcache). The reasoning is in SECURITY.md.

The admin, editors' pages and forms behind a token link (a workbook, a story's status link)
keep Django's CsrfViewMiddleware as it is.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

# A post from a page of this site, or one the person started themselves (a bookmark).
OWN_FETCH_SITES = {"same-origin", "none"}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_cross_site(request: HttpRequest) -> bool:
    """True when the browser says the post comes from another site. Current browsers send
    Sec-Fetch-Site, and all of them Origin with a POST; the Referer is the last resort.
    A client that sends none of them is no browser, and a cross-site request needs a browser
    (a script elsewhere can send no request without its browser adding these)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in OWN_FETCH_SITES
    sent = request.headers.get("Origin") or request.headers.get("Referer")
    if not sent:
        return False
    own = {_origin(request.build_absolute_uri("/")), *map(str.lower, settings.CSRF_TRUSTED_ORIGINS)}
    return sent == "null" or _origin(sent) not in own


def login_free_form(view):
    """A view whose form carries no login (comments, feedback, subscribing, a story): a POST
    from another site is refused with a readable 403 page and no per-reader CSRF token is
    rendered (includes/form_fields.html reads `request.login_free_form`), so every reader
    may get the same page."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.login_free_form = True
        if request.method == "POST" and is_cross_site(request):
            return render(request, "403_cross_site.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
