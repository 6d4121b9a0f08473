"""``manage.py import_sources FILE``: import a CSL-JSON or BibTeX file, skipping bad records
(``--strict``: all or nothing)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citations import formats
from citations.services import ImportFailed, import_file


class Command(BaseCommand):
    help = (
        "Create or update sources from a CSL-JSON (.json) or BibTeX (.bib) file, by key. "
        "A record that cannot be read is skipped and named; with --strict, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The file to import.")
        parser.add_argument(
            "--format",
            choices=sorted(formats.FORMATS),
            help="The file's format (default: from its extension).",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing if any record cannot be read (by default bad records are skipped).",
        )

    def handle(self, *args, file, format=None, strict=False, **options):
        path = Path(file)
        fmt = format or formats.format_for_filename(path.name)
        if fmt is None:
            raise CommandError(f"Cannot tell the format of {path.name}; pass --format csl-json or bibtex.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        try:
            report = import_file(data, fmt, strict=strict)
        except ImportFailed as failure:
            if len(failure.errors) == 1:  # the file as a whole: one line
                raise CommandError(f"{path.name}: nothing was imported: {failure.errors[0]}") from None
            raise CommandError("Nothing was imported:\n" + "\n".join(failure.errors)) from None
        self.stdout.write(f"{path.name}: {report}.")
        for line in report.details():
            self.stdout.write(f"  {line}")
