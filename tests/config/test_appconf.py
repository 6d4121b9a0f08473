"""``config.appconf.AppSettings``: Django's settings first, then the environment, then the app's default."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.appconf import AppSettings

DEFAULTS = {"LIMIT": 5, "WORDS": ["a"], "ON": True, "HEADER": "REMOTE_ADDR"}


@pytest.fixture
def app():
    return AppSettings("TESTAPP", DEFAULTS, minimum=1)


def test_the_default_when_nothing_is_set(app):
    """With no setting and no variable, each name has its default."""
    assert [app.get(name) for name in DEFAULTS] == [5, ["a"], True, "REMOTE_ADDR"]


def test_the_environment_is_parsed_as_the_defaults_type(app, monkeypatch):
    """A variable is read as an integer, a comma-separated list, a boolean or text, as its default is."""
    monkeypatch.setenv("TESTAPP_LIMIT", "12")
    monkeypatch.setenv("TESTAPP_WORDS", "x, y")
    monkeypatch.setenv("TESTAPP_ON", "false")
    monkeypatch.setenv("TESTAPP_HEADER", "HTTP_X_FORWARDED_FOR")
    assert [app.get(name) for name in DEFAULTS] == [12, ["x", "y"], False, "HTTP_X_FORWARDED_FOR"]


def test_django_settings_win_over_the_environment(app, monkeypatch, settings):
    """A Django setting of the same name is used as it is, so tests can override it."""
    monkeypatch.setenv("TESTAPP_LIMIT", "12")
    settings.TESTAPP_LIMIT = 3
    assert app.get("LIMIT") == 3


def test_an_integer_under_the_minimum_stops_with_its_name(app, monkeypatch):
    """A variable below the app's minimum is refused, naming it."""
    monkeypatch.setenv("TESTAPP_LIMIT", "0")
    with pytest.raises(ImproperlyConfigured, match="TESTAPP_LIMIT"):
        app.get("LIMIT")
