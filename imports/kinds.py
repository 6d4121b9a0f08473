"""The kinds of file the admin imports in the background, each registered by the app that reads it.

An app registers a ``Kind`` in its ``AppConfig.ready()``: who may start one
(and see its runs), where its upload page is, and the function that runs it
in the worker. ``imports`` itself knows no format.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


class Refused(Exception):
    """The file cannot be imported (or stopped being readable): shown on the run's page, never retried.

    ``lines`` is the report of what was saved before, if anything was.
    """

    def __init__(self, message: str, lines=()):
        super().__init__(message)
        self.lines = list(lines)


@dataclass
class Outcome:
    """What a finished import did: one line for the list of imports, and the whole report."""

    summary: str
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    # Permissions ("app_label.codename") whoever starts one holds; they also see its runs.
    permissions: tuple[str, ...]
    # The admin URL name of its upload page.
    upload_url: str
    # ``run(import_run, progress) -> Outcome``, raising ``Refused``; called by the worker, maybe twice.
    run: Callable


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.name] = kind


def get(name: str) -> Kind:
    return KINDS[name]


def may_run(user, name: str) -> bool:
    kind = KINDS.get(name)
    return kind is not None and user.is_active and user.has_perms(kind.permissions)


def allowed(user) -> list[Kind]:
    """The kinds ``user`` may start, and whose runs they see."""
    return [kind for kind in KINDS.values() if may_run(user, kind.name)]
