"""The redirect table's two ends: ``remember`` for importers, ``target`` for the fallback middleware."""

from imports.models import Redirect

MAX_PATH = Redirect._meta.get_field("old_path").max_length


def remember(old_path: str, new_path: str, *, origin: str = "") -> None:
    """``old_path`` now leads to ``new_path``; written only when that changes (a re-import writes nothing)."""
    if not old_path or not new_path or len(old_path) > MAX_PATH or len(new_path) > MAX_PATH:
        return
    if old_path == new_path:
        return
    row = Redirect.objects.filter(old_path=old_path).first()
    if row is None:
        Redirect.objects.create(old_path=old_path, new_path=new_path, origin=origin)
    elif row.new_path != new_path:
        row.new_path, row.origin = new_path, origin
        row.save(update_fields=["new_path", "origin", "updated"])


def target(request) -> str | None:
    """Where ``request``'s address now leads: its full path with the query first, then its path."""
    candidates = [request.get_full_path(), request.path]
    if not request.path.endswith("/"):
        candidates.append(f"{request.path}/")
    candidates = [path for path in candidates if len(path) <= MAX_PATH]
    rows = dict(Redirect.objects.filter(old_path__in=candidates).values_list("old_path", "new_path"))
    return next((rows[path] for path in candidates if path in rows), None)
