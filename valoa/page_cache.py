"""Whole-page cache for anonymous readers, with per-request form tokens filled in on the way out.

A page is rendered once with placeholders where the CSRF token and the form's time-trap token
go; every reader then gets the cached page with fresh tokens of their own, so comment forms keep
working and two readers never share a token. Any change to published content or comments bumps
a generation number that is part of every key, so editors' decisions show at once.
"""

import hashlib
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from valoa import antispam

CSRF_PLACEHOLDER = "valoa-csrf-placeholder-1f6c"
TIME_TRAP_PLACEHOLDER = "valoa-time-trap-placeholder-9b2e"
GENERATION_KEY = "page-cache-generation"
_capturing: ContextVar[bool] = ContextVar("capturing_page", default=False)


def is_capturing() -> bool:
    """True while a page is being rendered for the cache (forms put placeholders in)."""
    return _capturing.get()


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: while capturing, {% csrf_token %} renders the placeholder."""
    return {"csrf_token": CSRF_PLACEHOLDER} if is_capturing() else {}


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(*args, **kwargs) -> None:
    """Forget every cached page (called when content or comments change)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def invalidate_on_change(*models) -> None:
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-del-{model}")


def _key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{generation()}:{get_language()}:{address}"


def _fill(request: HttpRequest, content: bytes) -> bytes:
    if CSRF_PLACEHOLDER.encode() in content:
        content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    if TIME_TRAP_PLACEHOLDER.encode() in content:
        token = antispam.time_trap_token().encode()
        content = content.replace(TIME_TRAP_PLACEHOLDER.encode(), token)
    return content


def _cacheable_request(request: HttpRequest, bypass: tuple[str, ...]) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors see live pages
        and not any(name in request.GET for name in bypass)
    )


def cached_for_readers(bypass: tuple[str, ...] = ()):
    """Cache a view's 200 answers for anonymous readers; `bypass` names personal parameters."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request, bypass):
                return view(request, *args, **kwargs)
            key = _key(request)
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                response = HttpResponse(_fill(request, content), content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
            token = _capturing.set(True)
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
            finally:
                _capturing.reset(token)
            personal = response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            if response.status_code == 200 and not response.streaming and not personal:
                value = (response.content, response["Content-Type"])
                cache.set(key, value, settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
            response.content = _fill(request, response.content)
            return response

        return wrapper

    return decorator
