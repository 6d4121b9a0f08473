"""The site's settings module loaded afresh under given environment variables, as a server starts."""

import importlib.util


def settings_under(monkeypatch, **variables):
    """The settings (a dict of the module's names) that ``config.settings`` makes with ``variables`` set."""
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.find_spec("config.settings")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)
