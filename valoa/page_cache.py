"""Whole-page cache for anonymous readers, with per-request form tokens filled in on the way out.

A page is rendered once with placeholders where the CSRF token and the form's time-trap token
go; every reader then gets the cached page with fresh tokens of their own, so comment forms keep
working and two readers never share a token. Any change to published content or comments bumps
a generation number stored with every page, so editors' decisions show at once.

A hit costs one round trip to the cache: the generation and the page are read together, and a
page stored under an older generation counts as a miss (and is replaced).
"""

import hashlib
import time
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends import redis
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


def _new_generation() -> int:
    # From the clock, not 1: if the cache loses the number, pages stored under an earlier one
    # must not become valid again.
    return int(time.time() * 1000)


def _first_generation() -> int:
    first = _new_generation()
    cache.add(GENERATION_KEY, first, timeout=None)
    return cache.get(GENERATION_KEY, first)


def invalidate(*args, **kwargs) -> None:
    """Forget every cached page (called when content or comments change)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def invalidate_on_change(*models) -> None:
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-del-{model}")


def _key(request: HttpRequest, variant: str = "") -> str:
    address = hashlib.sha256(f"{request.get_full_path()}\n{variant}".encode()).hexdigest()
    return f"page:{get_language()}:{address}"


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
        and CookieStorage.cookie_name not in request.COOKIES  # "Tallennettu." is personal
        and not any(name in request.GET for name in bypass)
    )


def cached_response(
    request: HttpRequest, render, variant: str = "", bypass: tuple[str, ...] = ()
) -> HttpResponse:
    """The page `render()` makes, from the cache when it can be: 200 answers for anonymous
    readers are stored (with placeholders for their tokens) until anything changes.

    `variant` names whatever else, beside the address and the language, the page depends on;
    `bypass` names query parameters that make a page personal."""
    if not _cacheable_request(request, bypass):
        return render()
    key = _key(request, variant)
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = _first_generation()
    cached = found.get(key)
    if cached is not None and cached[0] == current:
        _, content, content_type = cached
        response = HttpResponse(_fill(request, content), content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    token = _capturing.set(True)
    try:
        response = render()
        if hasattr(response, "render"):
            response.render()
    finally:
        _capturing.reset(token)
    personal = response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    if response.status_code == 200 and not response.streaming and not personal:
        value = (current, response.content, response["Content-Type"])
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
    response.content = _fill(request, response.content)
    return response


def cached_for_readers(bypass: tuple[str, ...] = ()):
    """Cache a view's 200 answers for anonymous readers; `bypass` names personal parameters."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return cached_response(request, lambda: view(request, *args, **kwargs), bypass=bypass)

        return wrapper

    return decorator


class _ReusedRedisClient(redis.RedisCacheClient):
    """Django's client makes a new redis.Redis object for every cache operation, and building
    one costs more than the round trip of a page-cache hit. It is thread-safe: keep one per
    connection pool."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class RedisCache(redis.RedisCache):
    """Django's Redis cache backend, with one Redis client per connection pool (settings)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedRedisClient
