"""Django's Redis cache backend with one Redis client per connection pool (see settings)."""

from django.core.cache.backends import redis


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
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedRedisClient
