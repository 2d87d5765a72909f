"""The shared cache (Redis, or the database cache) is an optimisation: its failure never fails a
request and never rolls back a save.

Every use of it goes through `attempt()`, which gives a fallback when the cache does not
answer: the abuse limit lets the post through, pages are served uncached, a page-cache bump
is owed (see valoa/web/page_cache.py). The first failure logs one error; the first success after
it logs that the cache is back. Between them nothing is logged, however many requests fail.

A `DatabaseError` is not the cache's failure but the database's (the database cache runs on
it): it is raised on, so that the request gets the readable 503 page, and a transaction on
PostgreSQL is not left broken behind a swallowed error.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError

logger = logging.getLogger(__name__)
T = TypeVar("T")


class Health:
    """This process's view of the shared cache: since when it has failed, and how many
    outages it has seen (page_cache compares the count with the outages it has settled)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down_since: float | None = None
        self.outages = 0

    def failed(self, error: Exception) -> None:
        with self._lock:
            if self.down_since is not None:
                return
            self.down_since = time.monotonic()
            self.outages += 1
        logger.error(
            "Shared cache unavailable (%s): pages are served uncached and abuse limits are "
            "off until it answers again",
            type(error).__name__,
        )

    def succeeded(self) -> None:
        if self.down_since is None:  # the usual case: no lock, no work
            return
        with self._lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("Shared cache answers again after %.0f s", seconds)


health = Health()


def attempt(operation: Callable[[], T], fallback: T) -> T:
    """The result of one cache operation, or `fallback` when the cache does not answer."""
    try:
        result = operation()
    except DatabaseError:
        raise
    except Exception as error:
        health.failed(error)
        return fallback
    health.succeeded()
    return result
