"""Where uploaded files wait for their import: a directory that is never served.

``IMPORTS_UPLOAD_DIR`` (default ``private/imports`` in the project) is read
when a file is stored or opened, so tests and deployments can move it. It
must lie outside ``MEDIA_ROOT`` and ``STATIC_ROOT`` (a system check says so),
and be shared by the web servers and the workers when they run on different
machines.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def upload_dir() -> str:
    return os.path.abspath(settings.IMPORTS_UPLOAD_DIR)


@deconstructible(path="imports.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file system storage under ``IMPORTS_UPLOAD_DIR`` with no URL."""

    @property
    def base_location(self):
        return upload_dir()

    @property
    def location(self):
        return upload_dir()

    def url(self, name):
        raise ValueError("Files waiting for an import are not served.")
