"""PostgreSQL connections: timestamps read by psycopg's compiled loader.

Django reads every `timestamptz` value with a loader of its own, written in Python, so that it
carries the connection's time zone: some 4 µs a value, a tenth of a millisecond for a list of
cards with their two dates each (issue 18). The connection's time zone is UTC (Django sets it
so with USE_TZ), and psycopg's own loader, compiled when psycopg's binary package is installed,
then gives the same aware datetimes in UTC. It is used on every new connection in UTC.
"""

from django.db.backends.signals import connection_created
from django.dispatch import receiver


@receiver(connection_created)
def read_timestamps_compiled(sender, connection, **kwargs) -> None:
    if connection.vendor != "postgresql" or connection.timezone_name != "UTC":
        return
    import psycopg
    from psycopg.adapt import Loader
    from psycopg.pq import Format

    oid = psycopg.adapters.types["timestamptz"].oid
    compiled = psycopg.adapters.get_loader(oid, Format.TEXT)  # in C, with the binary package

    class UTCTimestamps(Loader):
        # What Django compares before each cursor, so that it leaves this loader in place.
        timezone = connection.timezone

        def __init__(self, oid, context=None):
            super().__init__(oid, context)
            self._load = compiled(oid, context).load

        def load(self, data):
            return self._load(data)

    connection.connection.adapters.register_loader(oid, UTCTimestamps)
