"""Fixtures for the WordPress importer's tests: the test exports and a way to run the command."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).parent / "data"


@pytest.fixture
def export_path():
    """The path of a test export by name, e.g. ``export_path("outgunned")`` (a path ending .xml as is)."""
    return lambda name: name if name.endswith(".xml") else str(DATA / f"{name}.xml")


@pytest.fixture
def run_import(db, export_path):
    """Run ``import_wxr`` on a test export; returns what it printed."""

    def run(name, *args):
        out = StringIO()
        call_command("import_wxr", export_path(name), *args, stdout=out)
        return out.getvalue()

    return run
