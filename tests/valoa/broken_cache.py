from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache

from tests.throwaway_postgres import free_port


class BrokenCache(BaseCache):
    """A shared cache that does not answer: every operation fails as a Redis that is down."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = get = set = touch = delete = clear = incr = get_many = set_many = _fail


class SwitchableCache(LocMemCache):
    """A memory cache that can go down and come back with its contents (a network outage)."""

    down = False

    def __getattribute__(self, name):
        attribute = super().__getattribute__(name)
        # close() is Django's at the end of every request, and cannot fail on a cache that is down.
        if type(self).down and callable(attribute) and not name.startswith("_") and name != "close":
            raise ConnectionError("cache down")
        return attribute


BROKEN = {"default": {"BACKEND": "tests.valoa.broken_cache.BrokenCache"}}
SWITCHABLE = {"default": {"BACKEND": "tests.valoa.broken_cache.SwitchableCache"}}


def redis_at_a_closed_port() -> dict:
    """The site's own Redis backend, pointed at a port where nothing listens."""
    return {
        "default": {
            "BACKEND": "valoa.web.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/10",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
