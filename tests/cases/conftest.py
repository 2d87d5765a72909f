"""Fixtures for the Innostu tests: images in temporary folders."""

import pytest


@pytest.fixture(autouse=True)
def _media(media_in_temporary_folders):
    pass
