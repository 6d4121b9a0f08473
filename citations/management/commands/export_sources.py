"""``manage.py export_sources``: the library, or some sources, as CSL-JSON or BibTeX."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citations import formats
from citations.exports import export_sources
from citations.models import Source


class Command(BaseCommand):
    help = "Write sources as CSL-JSON or BibTeX to standard output or a file."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(formats.FORMATS), default="csl-json")
        parser.add_argument("--keys", nargs="+", metavar="KEY", help="Only these sources (default: all).")
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, format="csl-json", keys=None, output=None, **options):
        sources = Source.objects.all()
        if keys:
            found = Source.objects.by_keys(keys)
            missing = [key for key in keys if key not in found]
            if missing:
                raise CommandError(f"No source with the key: {', '.join(missing)}.")
            sources = [found[key] for key in dict.fromkeys(keys)]
        text = export_sources(sources, format)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
