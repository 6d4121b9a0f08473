"""``manage.py import_wxr FILE [--dry-run] [--assign-to USERNAME]``: import a WordPress export."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import ImportStopped, import_wxr
from wordpress.mediafiles import MediaOptions
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress eXtended RSS export (WXR 1.0-1.2): authors, categories and tags, posts and "
        "their comments, and the sources their footnotes cite, a batch at a time "
        "(WORDPRESS_IMPORT_BATCH_SIZE "
        "items). Running it again updates what it imported, and finishes an import that stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from WordPress's Tools > Export.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing.")
        parser.add_argument(
            "--assign-to",
            metavar="USERNAME",
            help="Give every imported post to this account instead of new accounts for the export's authors.",
        )

        parser.add_argument(
            "--media",
            action="store_true",
            help="Copy the images posts use, and the attachments, from the old site into storage.",
        )
        parser.add_argument(
            "--media-from",
            metavar="DIR",
            help="Read media from this local copy of wp-content/uploads, not the old site (implies --media).",
        )
        parser.add_argument(
            "--media-host",
            metavar="HOST",
            action="append",
            default=[],
            help="Also download media from this host (e.g. a CDN), even at a private address. Repeatable.",
        )

    def handle(
        self, *args, file, dry_run, assign_to=None, media=False, media_from=None, media_host=(), **options
    ):
        user = None
        if assign_to:
            user = get_user_model().objects.filter(username=assign_to).first()
            if user is None:
                raise CommandError(f"There is no account named {assign_to!r}.")
        try:
            with open(file, "rb") as export:
                report = import_wxr(
                    export,
                    dry_run=dry_run,
                    assign_to=user,
                    media=MediaOptions(
                        copy=media or bool(media_from), source_dir=media_from, hosts=tuple(media_host)
                    ),
                )
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except ImportStopped as error:
            self.stdout.write("\n".join(error.report.lines()))
            raise CommandError(f"{file}: {error}") from None
        except WXRError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from None
        self.stdout.write("\n".join(report.lines()))
