"""Where contributors' attachments live: outside MEDIA_ROOT and the static files, no URL."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="stories.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, readable by the site process only.

    There is deliberately no base URL: the only way to a file is the editors' download view in
    the admin, which checks the permission first.
    """

    def __init__(self):
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    # Read the setting on every use, so that a changed setting (tests, say) is honoured.
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; use the admin download view.")


private_storage = PrivateStorage()
