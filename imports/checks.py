"""A system check: uploaded imports must not be where the web server serves files from."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register

from imports.storage import upload_dir


def _inside(path: Path, folder) -> bool:
    return bool(folder) and path.is_relative_to(Path(folder).resolve())


@register
def check_upload_dir(app_configs, **kwargs):
    path = Path(upload_dir()).resolve()
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        if _inside(path, getattr(settings, name, None)):
            return [
                Error(
                    f"IMPORTS_UPLOAD_DIR ({path}) lies inside {name}, which is served publicly.",
                    hint="Set IMPORTS_UPLOAD_DIR to a directory outside MEDIA_ROOT and STATIC_ROOT.",
                    id="imports.E001",
                )
            ]
    return []
