"""``manage.py purge_comment_spam [--days N]``: delete old spam now, as the hourly job does."""

from django.core.management.base import BaseCommand, CommandError

from comments import conf
from comments.privacy import purge_spam


class Command(BaseCommand):
    help = (
        "Delete comments marked spam more than N days ago (default: the discussion settings' "
        "COMMENTS_SPAM_RETENTION_DAYS). Spam with replies is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep spam this many days.")

    def handle(self, *args, days, **options):
        days = conf.get("SPAM_RETENTION_DAYS") if days is None else days
        if days < 1:
            raise CommandError("Spam is kept (0 days means never purged); give --days 1 or more.")
        count = purge_spam(days=days)
        self.stdout.write(f"Deleted {count} spam comment{'s' if count != 1 else ''} older than {days} days.")
