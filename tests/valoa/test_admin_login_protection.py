"""Repeated failed admin logins lock the user and address out; a superuser can lift the lock,
editors cannot see or delete the attempts (they hold IP addresses)."""

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db


def log_in(client, password, address="10.1.1.1"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "toimittaja", "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_login_with_a_readable_page(client, editor):
    for _ in range(4):
        assert log_in(client, "väärin").status_code == 200

    locked = log_in(client, "väärin")
    right_password_too = log_in(client, "salasana-pitka-123")

    assert locked.status_code == 429
    assert "Kirjautuminen on estetty hetkeksi" in locked.content.decode()
    assert right_password_too.status_code == 429


def test_the_lock_is_per_address(client, editor):
    for _ in range(5):
        log_in(client, "väärin", address="10.1.1.1")

    response = log_in(client, "salasana-pitka-123", address="10.9.9.9")

    assert response.status_code == 302


def test_a_superuser_can_lift_the_lock_in_the_admin(client, editor, admin_client):
    for _ in range(5):
        log_in(client, "väärin")
    attempt = AccessAttempt.objects.get()

    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert not AccessAttempt.objects.exists()
    assert log_in(client, "salasana-pitka-123").status_code == 302


def test_editors_can_neither_see_nor_delete_login_attempts(client, editor, editor_client):
    for _ in range(5):
        log_in(client, "väärin")
    attempt = AccessAttempt.objects.get()

    listing = editor_client.get("/admin/axes/accessattempt/")
    deleting = editor_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    index = editor_client.get("/admin/").content.decode()

    assert listing.status_code == deleting.status_code == 403
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert "/admin/axes/" not in index
    assert not editor.has_perm("axes.view_accessattempt")
    assert not editor.has_perm("axes.delete_accessattempt")


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["salasana", "12345678901234", "toimittaja"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
