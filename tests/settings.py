"""Settings for the test suite: the real settings, plus test-only speed-ups.

The environment still chooses the database (``DATABASE_URL``), so the same
suite runs on SQLite and on PostgreSQL.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("EMAIL_URL", "locmem://")
os.environ.setdefault("CACHE_URL", "locmem://")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages are served fresh unless a test turns the page cache on: most tests
# change rows inside a transaction that never commits, so nothing retires pages.
PAGECACHE_ENABLED = False
# Files uploaded for imports wait in a directory of this run's own, removed when it ends
# (unless the environment names one, as bench/admin_imports.py does for its worker process).
if "IMPORTS_UPLOAD_DIR" not in os.environ:
    IMPORTS_UPLOAD_DIR = Path(tempfile.mkdtemp(prefix="commonplace-imports-"))
    atexit.register(shutil.rmtree, IMPORTS_UPLOAD_DIR, ignore_errors=True)
