"""The settings helpers reject bad values instead of guessing."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from valoa.env import env_bool, env_int, env_list, parse_email_url


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("off", False), ("", True)])
def test_booleans_accept_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)

    assert env_bool("FLAG", True) is expected


def test_a_boolean_typo_is_an_error(monkeypatch):
    monkeypatch.setenv("DEBUG", "flase")

    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG", False)


def test_numbers_must_be_whole_and_large_enough(monkeypatch):
    monkeypatch.setenv("N", "abc")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("N", 1)
    monkeypatch.setenv("N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("N", 1, minimum=1)


def test_lists_are_comma_separated_and_trimmed(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.fi, b.fi ,,")

    assert env_list("HOSTS") == ["a.fi", "b.fi"]


def test_email_url_gives_smtp_settings():
    config = parse_email_url("submission://user%40x.fi:p%3Ass@mail.x.fi")

    assert config.host == "mail.x.fi"
    assert config.port == 587
    assert config.use_tls is True
    assert config.user == "user@x.fi"
    assert config.password == "p:ss"


def test_email_url_with_an_unknown_scheme_is_an_error():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url("pigeon://roof")
