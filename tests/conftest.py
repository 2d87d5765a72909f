"""Site-wide fixtures: personas, content factories, and posting a public form like a person."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.utils import translation

from insights.models import Article
from tests import background
from tests.factories import make_article
from valoa.permissions import EDITORS_GROUP
from valoa.web import page_cache, shared_cache


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` skip on SQLite (the default); `make test` runs them again on a
    throwaway PostgreSQL server (tests/postgres_pass.py), CI on its PostgreSQL."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: `make test` runs it on a throwaway server")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_collection_finish(session):
    """The slow work of the tests that will run starts now, in the background."""
    if session.config.option.collectonly:
        return
    works = []
    for item in session.items:
        work = getattr(getattr(item, "function", None), "background_work", None)
        skipped = item.get_closest_marker("skip") or any(
            mark.args and mark.args[0] is True for mark in item.iter_markers("skipif")
        )
        if work is not None and not skipped:
            works.append(work)
    if works:
        background.start(works)


def pytest_sessionfinish(session):
    background.stop()


@pytest.fixture(scope="session", autouse=True)
def _quick_flush_on_postgres():
    """After each transactional test (the browser tests, serialized_rollback) Django empties
    every table with one TRUNCATE, which on PostgreSQL replaces each table's and index's files
    and costs a second or more; DELETE in one transaction empties the few test rows at once.
    Foreign keys are DEFERRABLE, so the order does not matter. Only when sequences are kept
    (reset_sequences=False, the default), where TRUNCATE leaves them alone too."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = [f"DELETE FROM {self.quote_name(table)};" for table in tables]
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(scope="session", autouse=True)
def _bulk_serialized_rollback():
    """Before each transactional test (the browser tests, serialized_rollback) Django puts back
    the rows the migrations made (themes, statements, permissions…) one save at a time: an
    UPDATE and an INSERT for each of some 230 rows, most of a second a test. The same rows go
    back a table at a time, as save(raw=True) writes them (the stored values as they are, no
    signals: their receivers skip raw saves or bump a cache that each test empties)."""
    from django.core import serializers
    from django.db import transaction
    from django.db.backends.base.creation import BaseDatabaseCreation

    one_by_one = BaseDatabaseCreation.deserialize_db_from_string

    def deserialize_db_from_string(self, data):
        alias = self.connection.alias
        rows = {}
        for row in serializers.deserialize("json", data, using=alias):
            rows.setdefault(type(row.object), []).append(row)
        with transaction.atomic(using=alias):
            with self.connection.constraint_checks_disabled():
                for model, found in rows.items():
                    _put_back(model._base_manager.using(alias), found, self.connection)
            self.connection.check_constraints(table_names={m._meta.db_table for m in rows})

    def _put_back(manager, found, connection):
        alias = connection.alias
        pks = [row.object.pk for row in found]
        stored = set(manager.filter(pk__in=pks).values_list("pk", flat=True))
        # Still there (the first such test, after tests that rolled back): as Django does.
        for row in found:
            if row.object.pk in stored:
                row.save()
        new = [row for row in found if row.object.pk not in stored]
        fields = [f for f in manager.model._meta.local_concrete_fields if not f.generated]
        size = connection.ops.bulk_batch_size(fields, new) or 1
        for start in range(0, len(new), size):
            batch = [row.object for row in new[start : start + size]]
            manager._insert(batch, fields=fields, using=alias, raw=True)
        for row in new:  # as DeserializedObject.save() sets them
            for name, values in (row.m2m_data or {}).items():
                getattr(row.object, name).set(values)

    BaseDatabaseCreation.deserialize_db_from_string = deserialize_db_from_string
    yield
    BaseDatabaseCreation.deserialize_db_from_string = one_by_one


@pytest.fixture(autouse=True)
def _fresh_abuse_limits(settings, monkeypatch):
    """Each test starts with empty rate-limit counters and no time-trap wait."""
    # A per-test memory cache: no database needed for tests that do not use one.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    page_cache.recent.clear()  # this process's copies of pages from earlier tests
    # No cache outage seen by earlier tests, none owed.
    monkeypatch.setattr(shared_cache, "health", shared_cache.Health())
    monkeypatch.setattr(page_cache._Settled, "outages", 0)
    monkeypatch.setattr(page_cache, "_next_change", None)  # read under an earlier test's cache
    settings.FORM_MIN_SECONDS = 0
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Editors log in in many tests: a deliberately slow hash would cost seconds each time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def no_page_cache(settings):
    """Query counts measure rendering: a page cache hit would pass them without rendering."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def media_in_temporary_folders(settings, tmp_path):
    """Uploaded images and private attachments go to this test's own folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _finnish_interface():
    """Each test starts in Finnish: a request to /sv/ or /en/ leaves its language active in the
    thread, and reverse() (get_absolute_url) would otherwise give the next test prefixed URLs."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def editor(db) -> User:
    """A member of the editors' group, as created by the migrations."""
    user = User.objects.create_user("toimittaja", "toimittaja@example.fi", "salasana-pitka-123")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def staff_without_permission(db) -> User:
    """Staff who may log into the admin and view comments but not moderate them."""
    user = User.objects.create_user("harjoittelija", "h@example.fi", "salasana-pitka-123")
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_comment"))
    return user


@pytest.fixture
def submission_viewer(db) -> User:
    """Staff who may read submissions in the admin but not change, export or act on them."""
    user = User.objects.create_user("lukija", "lukija@example.fi", "salasana-pitka-123")
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_submission"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(db) -> Article:
    return make_article(title="Dialogi hybridityössä", slug="dialogi-hybridityossa")
