"""Faults get readable answers: database down → 503, too large → 413 (/healthz:
test_healthz_reports_each_dependency.py)."""

import logging

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_a_page_answers_a_readable_503_when_the_database_is_down(client, monkeypatch, caplog):
    from valoa.content.models import PublishedContentQuerySet

    def refuse(self, *args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(PublishedContentQuerySet, "published", refuse)

    with caplog.at_level(logging.ERROR):
        response = client.get("/oivallukset/")

    assert response.status_code == 503
    assert "Palvelu on hetken poissa käytöstä" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_a_too_large_post_is_refused_before_it_is_read_with_a_readable_413(client, article):
    response = client.generic(
        "POST",
        article.get_absolute_url(),
        data=b"x" * 100,
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(13 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert "Lähetys oli liian suuri" in response.content.decode()


def test_too_many_fields_answer_400_with_a_readable_page(client, article):
    data = {f"kentta{number}": "x" for number in range(400)}

    response = client.post(article.get_absolute_url(), data)

    assert response.status_code == 400
    assert "Pyyntöä ei voitu käsitellä" in response.content.decode()


def test_an_error_is_one_log_line_with_the_request_id(client, monkeypatch, capsys):
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    from valoa.content.models import PublishedContentQuerySet

    def explode(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(PublishedContentQuerySet, "published", explode)
    client.raise_request_exception = False

    response = client.get("/oivallukset/?email=salainen@example.fi")

    assert response.status_code == 500
    lines = [line for line in capsys.readouterr().err.splitlines() if "boom" in line]
    assert len(lines) == 1
    assert f"request={response['X-Request-ID']}" in lines[0]
    assert "salainen@example.fi" not in lines[0]
