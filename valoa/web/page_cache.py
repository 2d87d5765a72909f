"""Whole-page cache for anonymous readers, served before most of the middleware runs.

A page is rendered once with a placeholder where a form's time-trap token goes; every reader
then gets the cached page with a token minted as it is served, so that a robot posting at once
is still caught. Forms on cached pages carry no login and no per-reader CSRF token: they refuse
cross-site posts by the browser's Origin and Sec-Fetch-Site headers (valoa.posting.cross_site).
A page stored here is also marked for a shared cache in front (`SHARED_CACHE_CONTROL`: nginx's
microcache, deploy/nginx/valoa.conf) for a second; see SECURITY.md.

A change bumps the generation numbers of the pages that show it, so editors' decisions show at
once and the other pages stay cached. There are three levels: the site's generation (every page:
themes, the about page, authors, owed bumps), the listing scope (LISTING: the pages that list or
count content, which is every page of `cached_for_readers` unless its view names other scopes)
and one scope per item (an article's page with its comments, a case's page, a workbook's
summary). A page is stored with the numbers of the site and of its scopes, and served only while
none of them has moved.

What a change bumps is said by its model (`invalidate_on_change`): one with `cache_scopes()`
bumps those scopes (an approved comment: its article's and the listing; a published case: its
own, the listing and every case page's related cases), one without bumps the site's generation.

Views say which pages may be cached (`cached_for_readers`, `cached_response`); the middleware
stores them in the shared cache with the headers the inner middleware added, and answers later
readers without routing, sessions, locale or the view. Each web process also keeps the pages
it served lately (`RecentPages`): while it has read the generation numbers from the shared
cache within PAGE_CACHE_LOCAL_MS, a hit needs no round trip at all. A change made through this
process shows at once; one made through another process within that time.

Only changes to what readers see empty pages: publishing, approving, editing or deleting
something public. A pending or spam comment, a new story,
a draft changes nothing public and leaves the cache alone, so posting cannot keep the site
uncached.

Content can also appear by itself: an article or case published with a future publishing time
(`changes_on_schedule`). No save happens at that moment to bump a number, so every page
is stored only until the next such moment (or PAGE_CACHE_SECONDS, whichever comes first), and
is not served after it, from the shared cache or this process's recent pages.

When the shared cache fails (valoa/web/shared_cache.py) pages are served uncached and a save goes
through: its bump of the generation number cannot be written. Pages stored before then would
look current again when the cache comes back, so the bump is owed, and paid with a bump of the
site's generation (every page, whatever the change touched):

- Every process that sees the cache fail, for any reason (a bump, a page, an abuse limit),
  counts an outage; before it reads or stores a page again it bumps the generation once for
  every outage it has seen. The process whose bump failed has seen the outage, so no page
  older than its change is served by it after the cache returns, and the other processes that
  served readers during the outage (all of them, under any traffic) bump too, whether or not
  the change was made through them: none of them trusts a page written before the outage.
- What remains: a process that got no request during the whole outage did not see it, and may
  serve a page stored before the outage until one that saw it gets its next request (and if
  every process that saw it has exited meanwhile, until the page expires by itself, at most
  PAGE_CACHE_SECONDS after it was stored). A cache that restarts empty (Redis without
  persistence) has lost every page anyway, and its generation starts afresh from the clock.
"""

import hashlib
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from datetime import datetime
from functools import partial, wraps
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from valoa.posting import antispam
from valoa.web import shared_cache

T = TypeVar("T")

TIME_TRAP_PLACEHOLDER = "valoa-time-trap-placeholder-9b2e"
# What a shared cache in front may keep of a page stored here: a second (nginx counts whole
# seconds, so a copy lives under two). The page's time-trap token is as old as the copy, and that
# must stay below FORM_MIN_SECONDS (the system check valoa.E004): a robot that posts at once
# from a copy is still too fast. No stale-while-revalidate: it would make copies older.
# Browsers keep nothing.
SHARED_SECONDS = 1
SHARED_CACHE_CONTROL = f"public, max-age=0, s-maxage={SHARED_SECONDS}"
# The oldest a shared copy (and so its time-trap token) can be when nginx serves it.
SHARED_COPY_MAX_AGE = SHARED_SECONDS + 1
GENERATION_KEY = "page-cache-generation"
# The pages that list or count published content (home, lists, themes, feeds, search, sitemap).
LISTING = "listing"
SCOPE_SECONDS = 24 * 60 * 60
# Set by the middleware or by a later layer; never replayed from the cache.
PER_RESPONSE_HEADERS = {"set-cookie", "x-request-id", "x-page-cache", "content-length"}
_capturing: ContextVar[bool] = ContextVar("capturing_page", default=False)
# Each returns the first moment after `now` when something appears by itself, or None.
_schedules: list[Callable[[datetime], datetime | None]] = []
# ((site generation, lists' number), that moment as a timestamp or None): any save of scheduled
# content moves the lists' number, so the moment holds while the numbers do and has not passed.
_next_change: tuple[tuple, float | None] | None = None


def is_capturing() -> bool:
    """True while a page is being rendered for the cache (forms put placeholders in)."""
    return _capturing.get()


class RecentPages:
    """What this process read from the shared cache lately: generation numbers, trusted for
    PAGE_CACHE_LOCAL_MS, and pages, as many as fit in PAGE_CACHE_LOCAL_MB (oldest out first).
    A page is only served from here under the numbers it was stored with."""

    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self._lock:
            self._numbers: dict[str, tuple[int | None, float]] = {}
            self._pages: OrderedDict[str, tuple] = OrderedDict()
            self._bytes = 0

    def number(self, key: str) -> tuple[bool, int | None]:
        """(known, value): known when read within PAGE_CACHE_LOCAL_MS."""
        entry = self._numbers.get(key)  # one lookup: another thread may forget it meanwhile
        if entry is None:
            return False, None
        value, read_at = entry
        return time.monotonic() - read_at < settings.PAGE_CACHE_LOCAL_MS / 1000, value

    def remember_number(self, key: str, value: int | None) -> None:
        self._numbers[key] = (value, time.monotonic())

    def forget_number(self, key: str) -> None:
        self._numbers.pop(key, None)

    def page(self, key: str) -> tuple | None:
        return self._pages.get(key)

    def remember_page(self, key: str, page: tuple) -> None:
        size = len(page[2])
        limit = settings.PAGE_CACHE_LOCAL_MB * 1024 * 1024
        if size > limit:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes += size - (len(old[2]) if old else 0)
            self._pages[key] = page
            while self._bytes > limit:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped[2])


recent = RecentPages()


def _new_generation() -> int:
    # From the clock, not 1: if the cache loses the number, pages stored under an earlier one
    # must not become valid again.
    return int(time.time() * 1000)


def _timeout(key: str) -> int | None:
    # The generation lives as long as the cache; a scope's number (the listing's, one per
    # article, case or workbook) only a day: when it is gone, its pages count as stale, and a
    # new number comes from the clock.
    return None if key == GENERATION_KEY else SCOPE_SECONDS


def _current(key: str, found: int | None = None) -> int:
    if found is None:
        first = _new_generation()
        cache.add(key, first, timeout=_timeout(key))
        found = cache.get(key, first)
    recent.remember_number(key, found)
    return found


def _increment(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _new_generation(), timeout=_timeout(key))


def _bump(key: str) -> None:
    """Make the pages stored under the key's number stale; without the cache, the bump is
    owed (see the module docstring). Never raises into the save that called it."""
    try:
        shared_cache.attempt(lambda: _increment(key), fallback=None)
    finally:
        recent.forget_number(key)


class _Settled:
    """How many of the outages this process has seen it has paid for with a bump."""

    outages = 0


def _settle_outages() -> bool:
    """Pay the bump owed for every cache outage this process has seen; False while the cache
    still does not answer (pages are then neither read nor stored)."""
    seen = shared_cache.health.outages
    if seen == _Settled.outages:
        return True
    if not shared_cache.attempt(lambda: _increment(GENERATION_KEY) or True, fallback=False):
        return False
    recent.forget_number(GENERATION_KEY)
    _Settled.outages = seen
    return True


def site_generation(request: HttpRequest | None = None) -> int | None:
    """The site's generation number (moved by a change that may show on any page: a theme, an
    author), for markup a process keeps to reuse (cards); None while the shared cache does not
    answer, when nothing may be reused. The number the middleware read for this request, or
    this process's recent one, else one round trip; owed bumps are paid first."""
    generation = getattr(request, "page_cache_generation", None)
    if generation is not None:
        return generation
    return _number(GENERATION_KEY)


def scope_number(scope: str) -> int | None:
    """A scope's number (moved by `invalidate_scope`), for what a process keeps to reuse while
    that scope holds; None while the shared cache does not answer."""
    return _number(_scope_key(scope))


def _number(key: str) -> int | None:
    # This process's recent number, else one round trip; owed bumps are paid first.
    known, number = recent.number(key)
    if known and _Settled.outages == shared_cache.health.outages:
        return number
    if not _settle_outages():
        return None
    return shared_cache.attempt(lambda: _current(key, cache.get(key)), fallback=None)


# What `kept_while_the_site_holds` read: {name: (numbers, when read, until, value)}.
_kept_for_the_site: dict[Hashable, tuple] = {}
KEPT_LIMIT = 1000  # names: a few dozen, and the workbook's combinations of themes


def kept_while_the_site_holds(
    name: Hashable, read: Callable[[], T], scopes: tuple[str, ...] = ()
) -> T:
    """`read()` (what editors keep in the admin: themes, statements, questions; with `scopes`,
    what those scopes show, such as the lists' documents), kept by this process while the
    site's generation and the scopes' numbers hold, as its cards are: every change of such a
    row moves one of them; with the lists' scope, also until scheduled content next appears.
    While the shared cache does not answer, kept for PAGE_CACHE_LOCAL_MS, the time a process
    trusts what it read from there, so that a page reading it per item still makes no query
    per item."""
    numbers = (site_generation(), *(scope_number(scope) for scope in scopes))
    now = time.monotonic()
    kept = _kept_for_the_site.get(name)
    if kept is not None:
        kept_numbers, read_at, until, value = kept
        if None in numbers:
            if now - read_at < settings.PAGE_CACHE_LOCAL_MS / 1000:
                return value
        elif numbers == kept_numbers and (until is None or time.time() < until):
            return value
    until = None
    if LISTING in scopes and None not in numbers:
        until = _next_scheduled((numbers[0], numbers[1 + scopes.index(LISTING)]))
    value = read()
    if len(_kept_for_the_site) >= KEPT_LIMIT:
        _kept_for_the_site.clear()
    _kept_for_the_site[name] = (numbers, now, until, value)
    return value


@receiver(setting_changed)
def _forget_kept_for_the_site(**kwargs) -> None:
    # Another cache (in tests) has other generation numbers.
    _kept_for_the_site.clear()


def _bump_now_and_after_commit(key: str) -> None:
    _bump(key)
    # A reader who renders before the commit must not keep the old page under the new number.
    if transaction.get_connection().in_atomic_block:
        # Robust: after the commit, a failure here must not answer the saved change with an
        # error page (a database cache with the database gone; Redis errors never get here).
        transaction.on_commit(lambda: _bump(key), robust=True)


def _scope_key(scope: str) -> str:
    return f"page-cache-scope:{scope}"


def invalidate(*args, **kwargs) -> None:
    """Forget every cached page (a change that may show anywhere: a theme, a name)."""
    _bump_now_and_after_commit(GENERATION_KEY)


def invalidate_scope(scope: str) -> None:
    """Forget the cached pages that show this scope (e.g. one article's, or every list)."""
    _bump_now_and_after_commit(_scope_key(scope))


def _is_public(instance) -> bool:
    # A model without `is_public()` (themes, workbook statements) is public as a whole.
    return instance.is_public() if hasattr(instance, "is_public") else True


def _invalidate_for(instance, before: tuple[str, ...] = ()) -> None:
    """Bump the scopes the row says it shows on (and those it showed on as stored), or the
    site's generation for a row that does not say."""
    if not hasattr(instance, "cache_scopes"):
        invalidate()
        return
    for scope in dict.fromkeys((*before, *instance.cache_scopes())):
        invalidate_scope(scope)


def _note_public_before(sender, instance, **kwargs) -> None:
    """Before a save: was the row, as stored, public, and where did it show?"""
    if hasattr(instance, "is_public"):
        stored = None
        if not instance._state.adding:
            stored = sender._base_manager.filter(pk=instance.pk).first()
        instance._page_cache_was_public = stored is not None and stored.is_public()
        # E.g. a comment moved to another article: the first one's page shows it no more.
        shown = instance._page_cache_was_public and hasattr(stored, "cache_scopes")
        instance._page_cache_scopes_before = tuple(stored.cache_scopes()) if shown else ()


def _invalidate_if_public_saved(sender, instance, **kwargs) -> None:
    if getattr(instance, "_page_cache_was_public", True) or _is_public(instance):
        _invalidate_for(instance, getattr(instance, "_page_cache_scopes_before", ()))


def _invalidate_if_public_deleted(sender, instance, **kwargs) -> None:
    if _is_public(instance):  # as it was loaded to be deleted
        _invalidate_for(instance)


def _invalidate_if_public_relation_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and _is_public(instance):
        _invalidate_for(instance)


def invalidate_on_change(*models, relations=()) -> None:
    """Empty the cached pages that show a change to one of these models.

    The one rule of when a change invalidates: a model with `is_public()` (a comment, an
    article, a case) only when the row was public before the change or is after it, so a
    pending or spam comment or a draft changes nothing; a model without it on every change.
    What it empties: the scopes the row's `cache_scopes()` names, or every page for a model
    without that method. `relations` are many-to-many "through" models whose changes count as
    the row's own."""
    for model in models:
        uid = f"page-cache-{model._meta.label_lower}"
        pre_save.connect(_note_public_before, sender=model, dispatch_uid=f"{uid}-before")
        post_save.connect(_invalidate_if_public_saved, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(
            _invalidate_if_public_deleted, sender=model, dispatch_uid=f"{uid}-deleted"
        )
    for through in relations:
        m2m_changed.connect(
            _invalidate_if_public_relation_changed,
            sender=through,
            dispatch_uid=f"page-cache-{through._meta.label_lower}",
        )


def changes_on_schedule(next_change: Callable[[datetime], datetime | None]) -> None:
    """Register content that appears by itself at a time of its own (scheduled publishing):
    `next_change(now)` is the first such moment after now. Cached pages expire then."""
    _schedules.append(next_change)


def _next_scheduled(numbers: tuple) -> float | None:
    """When scheduled content next appears (a timestamp), or None: known while `numbers` (the
    site's generation and the lists' number, which every save of such content moves) hold and
    that moment has not passed."""
    global _next_change
    known = _next_change
    if known is None or known[0] != numbers or (known[1] is not None and known[1] <= time.time()):
        moments = [found(timezone.now()) for found in _schedules]
        known = (numbers, min((m.timestamp() for m in moments if m), default=None))
        _next_change = known
    return known[1]


def _expiry(generation: int) -> float:
    """Until when a page rendered under this generation may be served: PAGE_CACHE_SECONDS,
    but not past the moment scheduled content appears."""
    appears = _next_scheduled((generation, scope_number(LISTING)))
    expires = time.time() + settings.PAGE_CACHE_SECONDS
    return expires if appears is None else min(expires, appears)


def _key(request: HttpRequest) -> str:
    # The path says the language too: /sv/ and /en/ prefixes, Finnish without one.
    # v3: pages carry the numbers of all their scopes (those stored by earlier versions, one).
    return "page:v3:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()


def _is_anonymous_read(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors see live pages
        and CookieStorage.cookie_name not in request.COOKIES  # "Tallennettu." is personal
    )


def _read_scopes(scopes: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    keys = [_scope_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    return tuple((s, _current(k, found.get(k))) for s, k in zip(scopes, keys, strict=True))


def cached_response(
    request: HttpRequest,
    render,
    scopes: tuple[str, ...] = (LISTING,),
    bypass: tuple[str, ...] = (),
) -> HttpResponse:
    """The page `render()` makes, marked for the page cache when the middleware may store it:
    rendered with a placeholder for the readers' time-trap tokens, stored while nothing it shows
    changes.

    `scopes` name what the page shows beside what the whole site does (see the module
    docstring and `invalidate_scope`); `bypass` names query parameters that make a page
    personal."""
    if not hasattr(request, "page_cache_generation") or any(n in request.GET for n in bypass):
        return render()
    # Read before rendering: a change during the render must not be stored as current.
    versions = shared_cache.attempt(lambda: _read_scopes(scopes), fallback=None)
    if versions is None:  # the cache does not answer: the page is not stored
        return render()
    token = _capturing.set(True)
    try:
        response = render()
        if hasattr(response, "render"):
            response.render()
    finally:
        _capturing.reset(token)
    response.page_cache_scopes = versions
    return response


def cached_for_readers(bypass: tuple[str, ...] = (), scopes: tuple[str, ...] = (LISTING,)):
    """Cache a view's 200 answers for anonymous readers; `bypass` names personal parameters,
    `scopes` what the pages show (by default they list content: the listing scope)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            page = partial(view, request, *args, **kwargs)
            return cached_response(request, page, scopes=scopes, bypass=bypass)

        return wrapper

    return decorator


class PageCacheMiddleware:
    """Answer anonymous readers from the page cache; store what views marked as cacheable.

    Sits just after WhiteNoise: the outer middleware (request id, security headers) runs for
    hits too, and the headers that the inner middleware (CSP, language, frame options) and the
    view set are stored with the page and replayed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_anonymous_read(request):
            return self.get_response(request)
        request.get_host()  # an unknown Host is refused as it would be without the cache
        key = _key(request)
        try:
            found = self._lookup(key) if _settle_outages() else None
        except DatabaseError:
            # The database cache, with the database down: the view gives the readable 503
            # page (or /healthz its JSON).
            found = None
        if found is None:  # e.g. Redis down: the site still answers, only slower
            return self.get_response(request)
        generation, page = found
        if page is not None:
            return self._answer(page)
        request.page_cache_generation = generation
        response = self.get_response(request)
        scopes = getattr(response, "page_cache_scopes", None)
        if scopes is None:
            return response
        if response.status_code == 200 and not response.streaming and not response.cookies:
            try:
                expires = _expiry(generation)
            except DatabaseError:  # the page was rendered; it is just not stored
                return self._fill(response)
            headers = self._headers(response)
            self._store(key, (generation, scopes, response.content, headers, expires))
            response["X-Page-Cache"] = "miss"
            self._share(response)
        return self._fill(response)

    def _lookup(self, key: str) -> tuple[int, tuple | None] | None:
        """The current generation, and the page stored under it (None when there is none),
        or None when the shared cache does not answer."""
        return shared_cache.attempt(lambda: self._find(key), fallback=None)

    def _find(self, key: str) -> tuple[int, tuple | None]:
        """From this process's recent pages when its numbers are fresh, else from the cache."""
        known, generation = recent.number(GENERATION_KEY)
        page = recent.page(key)
        if known and self._is_current(page, generation):
            return generation, page
        found = cache.get_many([GENERATION_KEY, key])
        generation = _current(GENERATION_KEY, found.get(GENERATION_KEY))
        page = found.get(key)
        if not self._is_current(page, generation):
            return generation, None
        recent.remember_page(key, page)
        return generation, page

    @staticmethod
    def _is_current(page: tuple | None, generation: int) -> bool:
        """Stored under this generation and its scopes' numbers, and no scheduled content has
        appeared since."""
        if page is None or page[0] != generation or page[4] <= time.time():
            return False
        current, unknown = {}, []
        for scope, _ in page[1]:
            key = _scope_key(scope)
            known, current[key] = recent.number(key)
            if not known:
                unknown.append(key)
        if unknown:
            found = cache.get_many(unknown)
            for key in unknown:
                current[key] = found.get(key)
                recent.remember_number(key, current[key])
        return all(current[_scope_key(scope)] == version for scope, version in page[1])

    @staticmethod
    def _headers(response: HttpResponse) -> list[tuple[str, str]]:
        return [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        ]

    @staticmethod
    def _store(key: str, page: tuple) -> None:
        timeout = math.ceil(page[4] - time.time())
        if timeout <= 0:
            return
        stored = shared_cache.attempt(lambda: cache.set(key, page, timeout) or True, fallback=False)
        if stored:
            recent.remember_page(key, page)

    def _answer(self, page: tuple) -> HttpResponse:
        content, headers = page[2], page[3]
        response = HttpResponse(content, headers=dict(headers))
        response["X-Page-Cache"] = "hit"
        self._share(response)
        return self._fill(response)

    @staticmethod
    def _share(response: HttpResponse) -> None:
        """A page stored here may be shared by a cache in front too, unless its view said
        otherwise (a workbook's summary: never_cache)."""
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = SHARED_CACHE_CONTROL

    @staticmethod
    def _fill(response: HttpResponse) -> HttpResponse:
        """The time-trap token, minted now: each reader's (or each copy's) own moment."""
        content = response.content
        if TIME_TRAP_PLACEHOLDER.encode() in content:
            token = antispam.time_trap_token().encode()
            response.content = content = content.replace(TIME_TRAP_PLACEHOLDER.encode(), token)
        # The token is longer than its placeholder: the length CommonMiddleware put is stale.
        response["Content-Length"] = str(len(content))
        return response
