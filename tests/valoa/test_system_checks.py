"""Custom system checks catch configuration mistakes."""

import pytest

from valoa import checks


def ids(problems):
    return [problem.id for problem in problems]


def test_wildcard_allowed_hosts_is_an_error(settings):
    settings.ALLOWED_HOSTS = ["*"]

    assert "valoa.E001" in ids(checks.check_production_settings(None))


def test_sqlite_in_production_is_warned_about(settings, monkeypatch):
    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.sqlite3")

    assert "valoa.W001" in ids(checks.check_production_settings(None))


def test_missing_moderators_are_warned_about(settings):
    settings.MODERATOR_EMAILS = []

    assert ids(checks.check_moderators(None)) == ["valoa.W002"]


def test_a_moderator_that_is_not_an_address_is_an_error(settings):
    settings.MODERATOR_EMAILS = ["toimitus"]

    assert ids(checks.check_moderators(None)) == ["valoa.E002"]


def test_a_time_trap_no_form_can_pass_is_an_error(settings):
    settings.FORM_MIN_SECONDS = 10**6

    assert ids(checks.check_spam_settings(None)) == ["valoa.E003"]


@pytest.mark.parametrize("seconds", [1, 2])
def test_a_time_trap_shorter_than_a_microcached_copys_life_is_an_error(settings, seconds):
    settings.FORM_MIN_SECONDS = seconds

    assert ids(checks.check_spam_settings(None)) == ["valoa.E004"]


def test_the_configured_site_passes(settings):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]

    assert checks.check_moderators(None) == []
    assert checks.check_spam_settings(None) == []
