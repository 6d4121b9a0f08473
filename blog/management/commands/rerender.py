"""``manage.py rerender [--stale | --all | --source KEY …]``: rebuild stored renderings, batched."""

import time

from django.core.management.base import BaseCommand, CommandError

from blog import derived
from blog.models import Page, Post
from citations.models import Source
from citations.services import refresh_stale_sources


class Command(BaseCommand):
    help = (
        "Rebuild the stored HTML, notes, cited works and search documents of posts (and pages) from "
        "their bodies, the library and the settings in force; cached pages are retired once, at the end. "
        "Without options, only those whose stamp is not current (--stale)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--stale",
            action="store_true",
            help="Posts and pages rendered with another pipeline version, citation style or settings "
            "(the default).",
        )
        which.add_argument("--all", action="store_true", help="Every post and page.")
        which.add_argument(
            "--source",
            action="append",
            metavar="KEY",
            help="The posts citing, quoting or naming the source KEY (repeat for several).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=derived.BATCH_SIZE,
            help=f"Posts re-rendered in one transaction (default {derived.BATCH_SIZE}).",
        )

    def handle(self, *args, stale, all, source, batch_size, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.verbosity = verbosity
        if source:
            missing = sorted(
                set(source) - set(Source.objects.filter(key__in=source).values_list("key", flat=True))
            )
            if missing:
                self.stderr.write(
                    f"No source has the key {', '.join(missing)}; posts naming it are re-rendered too."
                )
            posts, pages, which = (
                derived.posts_naming(source),
                Page.objects.none(),
                "citing " + ", ".join(source),
            )
        elif all:
            posts, pages, which = Post.objects.all(), Page.objects.all(), "all"
        else:
            resorted = refresh_stale_sources()
            if resorted:
                self.say(
                    f"Made the entries of {resorted} source{'s' if resorted != 1 else ''} again "
                    "for the citation style."
                )
            posts, pages, which = (
                derived.stale(Post.objects.all()),
                derived.stale(Page.objects.all()),
                "stale",
            )
        self.started = time.monotonic()
        self.say(f"Re-rendering {which} posts…")
        count, page_count = derived.rerender(posts, pages, batch_size=batch_size, progress=self.progress)
        seconds = time.monotonic() - self.started
        retired = "; cached pages retired" if count or page_count else ""
        self.say(
            f"Re-rendered {count} post{'s' if count != 1 else ''} and {page_count} "
            f"page{'s' if page_count != 1 else ''} in {seconds:.1f} s{retired}."
        )

    def progress(self, done, total):
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed else 0
        self.say(f"  {done}/{total} posts ({rate:.0f} a second)")

    def say(self, line):
        if self.verbosity:
            self.stdout.write(line)
