"""Anti-spam without third parties: honeypot, signed time trap, link and word rules, rate limit."""

import re
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from valoa.web import shared_cache

# The salts keep the module's old name: forms shown (and cached) before the move stay valid.
TIME_TRAP_SALT = "valoa.antispam.started"
LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)


def time_trap_token(now: float | None = None) -> str:
    """A signed moment at which a form was shown, unique to this showing of the form."""
    shown_at = now if now is not None else time.time()
    return signing.dumps([shown_at, secrets.token_hex(8)], salt=TIME_TRAP_SALT)


def time_trap_error(token: str) -> str | None:
    """Why a form sent with this token is refused, or None when the timing is human."""
    try:
        shown_at = float(signing.loads(token, salt=TIME_TRAP_SALT)[0])
    except (signing.BadSignature, TypeError, ValueError, IndexError, KeyError):
        return _("Lomakkeen tarkiste puuttui tai oli virheellinen. Lähetä lomake uudelleen.")
    elapsed = time.time() - shown_at
    if elapsed < settings.FORM_MIN_SECONDS:
        return _(
            "Lomake lähetettiin niin nopeasti, että se näytti automaattiselta. "
            "Tarkista tiedot ja lähetä uudelleen."
        )
    if elapsed > settings.FORM_MAX_AGE_SECONDS:
        return _("Lomake ehti vanhentua. Tarkista tiedot ja lähetä uudelleen.")
    return None


def spam_reason(text: str) -> str | None:
    """Why a text is held as spam (too many links, a blocked word), or None."""
    links = len(LINK_PATTERN.findall(text))
    if links > settings.SPAM_MAX_LINKS:
        return _("liikaa linkkejä (%(count)d)") % {"count": links}
    lowered = text.lower()
    for word in settings.SPAM_BLOCKED_WORDS:
        if word.lower() in lowered:
            return _("estetty sana: %(word)s") % {"word": word}
    return None


def client_address(request: HttpRequest) -> str:
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last entry is the one our own proxy added; earlier ones can be forged.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def address_hash(request: HttpRequest) -> str:
    """A keyed hash of the client address: abuse limits without storing the address."""
    return salted_hmac("valoa.antispam.address", client_address(request)).hexdigest()[:32]


def within_limit(key: str, limit: int, period: int) -> bool:
    """Count one event under `key`; False once there were more than `limit` in this period.

    The counters live in the shared cache: while it does not answer, every event is let
    through (a person's text is never refused or lost because the cache is down)."""
    window = int(time.time() // period)
    key = f"rate:{key}:{window}"

    def count() -> int:
        cache.add(key, 0, timeout=period)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period)
            return 1

    return shared_cache.attempt(count, fallback=0) <= limit


def allow_post(request: HttpRequest, scope: str) -> bool:
    """Count one post from this address; False once it is over the limit for the period."""
    return within_limit(
        f"{scope}:{address_hash(request)}",
        settings.RATE_LIMIT_POSTS,
        settings.RATE_LIMIT_PERIOD_SECONDS,
    )


def rate_limited_response(request: HttpRequest, kept_text: str = "") -> HttpResponse:
    """HTTP 429 with a readable page that gives the person back what they wrote."""
    minutes = max(1, settings.RATE_LIMIT_PERIOD_SECONDS // 60)
    response = render(
        request,
        "429.html",
        {"kept_text": kept_text, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(settings.RATE_LIMIT_PERIOD_SECONDS)
    return response
