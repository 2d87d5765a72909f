"""Fixtures for the story tests: files in temporary folders and a submission."""

import pytest

from tests.factories import make_submission


@pytest.fixture(autouse=True)
def _media(media_in_temporary_folders):
    pass


@pytest.fixture
def submission(db):
    return make_submission(themes=["dialogi"])
