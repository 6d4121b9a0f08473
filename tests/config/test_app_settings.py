"""Each app reads its own settings from Django's settings, with its defaults; the environment sets
them through ``config/settings.py``, the one place that reads it."""

import pytest
from django.test import override_settings

from blog import conf as blog_conf
from capture import conf as capture_conf
from citations import conf as citations_conf
from comments import conf as comments_conf
from jobs import conf as jobs_conf
from tests.environment import settings_under
from wordpress import conf as wordpress_conf

APPS = {
    "BLOG": blog_conf,
    "CAPTURE": capture_conf,
    "CITATIONS": citations_conf,
    "COMMENTS": comments_conf,
    "JOBS": jobs_conf,
    "WORDPRESS": wordpress_conf,
}


def variable_for(default):
    """A value for an environment variable unlike ``default``, and the setting it should give."""
    if isinstance(default, bool):
        return ("false", False) if default else ("true", True)
    if isinstance(default, int):
        return str(default + 7), default + 7
    if isinstance(default, list):
        return "one, two", ["one", "two"]
    return "HTTP_X_REAL_IP", "HTTP_X_REAL_IP"


@pytest.mark.parametrize("prefix", APPS)
def test_every_app_setting_can_be_set_from_the_environment(prefix, monkeypatch):
    """Each name in an app's defaults, set as ``<PREFIX>_<NAME>`` in the environment, becomes that setting."""
    defaults = APPS[prefix].DEFAULTS
    variables = {f"{prefix}_{name}": variable_for(default) for name, default in defaults.items()}
    loaded = settings_under(monkeypatch, **{name: text for name, (text, _) in variables.items()})
    expected = {name: value for name, (_, value) in variables.items()}
    assert {name: loaded.get(name) for name in variables} == expected


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", APPS)
def test_an_unset_variable_leaves_the_apps_default(prefix, monkeypatch):
    """Without its variable an app setting is not set at all, so the app's own default holds
    (for comments, while the discussion settings have not been saved)."""
    for name in APPS[prefix].DEFAULTS:
        monkeypatch.delenv(f"{prefix}_{name}", raising=False)
    loaded = settings_under(monkeypatch)
    assert [name for name in APPS[prefix].DEFAULTS if f"{prefix}_{name}" in loaded] == []
    assert [APPS[prefix].get(name) for name in APPS[prefix].DEFAULTS] == list(APPS[prefix].DEFAULTS.values())


@pytest.mark.django_db
def test_a_django_setting_is_what_the_app_reads():
    """``override_settings`` (or a settings module) sets an app's setting as it is."""
    with override_settings(COMMENTS_SPAM_WORDS=["lottery"], BLOG_MAX_NOTES=3):
        assert (comments_conf.get("SPAM_WORDS"), blog_conf.get("MAX_NOTES")) == (["lottery"], 3)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("BLOG_MAX_NOTES", "many", "BLOG_MAX_NOTES must be an integer, got 'many'."),
        ("CITATIONS_IMPORT_MAX_BYTES", "0", "CITATIONS_IMPORT_MAX_BYTES must be at least 1, got 0."),
        ("COMMENTS_NOTIFY_MODERATORS", "maybe", "COMMENTS_NOTIFY_MODERATORS must be a boolean"),
    ],
)
def test_a_malformed_app_variable_stops_start_up_naming_it(variable, value, message, monkeypatch):
    """A bad app variable is found when the site starts, in one line, not when a page first reads it."""
    with pytest.raises(SystemExit, match=f"^Configuration error: {message}"):
        settings_under(monkeypatch, **{variable: value})
