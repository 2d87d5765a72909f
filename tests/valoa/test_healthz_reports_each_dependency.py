"""/healthz says, in a small JSON body, how the database, the shared cache and the mail
outbox are; it answers 503 only when the site cannot serve (the database is down)."""

import pytest
from django.db import OperationalError
from django.utils import timezone

from tests.valoa.broken_cache import BROKEN
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


def test_all_well(client):
    assert health(client) == (
        200,
        {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "mail_outbox": {"state": "ok", "waiting": 0, "delayed": 0, "failed": 0},
        },
    )


def test_a_cache_outage_is_reported_but_the_site_still_serves(client, settings):
    settings.CACHES = BROKEN

    status, body = health(client)

    assert status == 200
    assert body["status"] == "degraded"
    assert body["cache"] == "unavailable"
    assert body["database"] == "ok"


def test_mail_waiting_too_long_and_failed_mail_are_reported(client):
    waiting = OutboxMessage.objects.create(purpose="a", subject="s", body="b", recipients=["x"])
    OutboxMessage.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - timezone.timedelta(hours=1)
    )
    assert health(client)[1]["mail_outbox"] == {
        "state": "delayed",
        "waiting": 1,
        "delayed": 1,
        "failed": 0,
    }

    OutboxMessage.objects.create(
        purpose="b", subject="s", body="b", recipients=["x"], failed_at=timezone.now()
    )
    status, body = health(client)

    assert status == 200
    assert body["status"] == "degraded"
    assert body["mail_outbox"]["state"] == "failed"
    assert body["mail_outbox"]["failed"] == 1


def test_a_database_outage_answers_503(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    status, body = health(client)

    assert status == 503
    assert body["status"] == "unavailable" and body["database"] == "unavailable"
