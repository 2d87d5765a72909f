"""Workbook fixtures: solo and team workbooks, and answering like a person would."""

import pytest

from workbook.models import Statement, Workbook


@pytest.fixture
def statements(db) -> list[Statement]:
    """The twelve statements the data migration created, in order."""
    return list(Statement.objects.active().select_related("theme"))


@pytest.fixture
def solo(db) -> Workbook:
    return Workbook.start(Workbook.Mode.SOLO, "Asiakaspalvelu")


@pytest.fixture
def team(db) -> Workbook:
    return Workbook.start(Workbook.Mode.TEAM, "Lupapalvelut")


@pytest.fixture
def cache_down(settings):
    """The shared cache (Redis) does not answer; put back before the cache is emptied."""
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    yield
    settings.CACHES = working
