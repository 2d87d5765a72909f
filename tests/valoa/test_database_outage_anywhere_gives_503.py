"""With the database down, a request gets the readable 503 page, not a 500, also when the
outage meets it outside the view: in a middleware, or when the session is saved after it."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError

pytestmark = pytest.mark.django_db
READABLE = "Palvelu on hetken poissa käytöstä"


def refuse(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def asks_the_database(get_response):
    """A middleware that reads the database before the view, as sessions and axes do."""

    def middleware(request):
        from django.contrib.auth.models import User

        User.objects.exists()
        return get_response(request)

    return middleware


def assert_readable_503(response) -> None:
    assert response.status_code == 503
    assert READABLE in response.content.decode()
    assert response["Retry-After"] == "30"


def test_a_middleware_that_meets_the_outage_gives_it(client, settings, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.asks_the_database"]
    client.raise_request_exception = False
    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    assert_readable_503(client.get("/tyokirja/"))  # a page that needs no database itself


def test_a_session_that_cannot_be_saved_after_the_view_gives_it(client, editor, monkeypatch):
    client.raise_request_exception = False
    create = SessionStore.save

    def saved_in_the_view_only(self, must_create=False):
        if not must_create:  # SessionMiddleware, after the view
            refuse()
        create(self, must_create)

    monkeypatch.setattr(SessionStore, "save", saved_in_the_view_only)

    response = client.post(
        "/admin/login/", {"username": "toimittaja", "password": "salasana-pitka-123"}
    )

    assert_readable_503(response)


def test_the_page_is_in_the_language_of_the_address(client, settings, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.asks_the_database"]
    client.raise_request_exception = False
    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = client.get("/en/tyokirja/")

    assert response.status_code == 503
    assert "Palvelu on hetken poissa" not in response.content.decode()
