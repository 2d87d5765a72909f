"""Fixtures for the Innostu tests: files in temporary folders, a submission, a viewer persona."""

import pytest
from django.contrib.auth.models import Permission, User

from tests.cases.factories import make_submission


@pytest.fixture(autouse=True)
def _media_in_temporary_folders(settings, tmp_path):
    """Uploaded images and private attachments go to this test's own folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def submission(db):
    return make_submission(themes=["dialogi"])


@pytest.fixture
def submission_viewer(db) -> User:
    """Staff who may read submissions in the admin but not change, export or act on them."""
    user = User.objects.create_user("lukija", "lukija@example.fi", "salasana-pitka-123")
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_submission"))
    return user
