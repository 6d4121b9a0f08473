"""``manage.py purge_comment_ips [--days N]``: forget old IP addresses now (as a job does hourly)."""

from django.core.management.base import BaseCommand, CommandError

from comments import conf
from comments.privacy import purge_ips


class Command(BaseCommand):
    help = "Clear the IP address and user agent stored with comments older than N days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, help="Keep addresses this many days (default: COMMENTS_IP_RETENTION_DAYS)."
        )

    def handle(self, *args, days, **options):
        days = conf.get("IP_RETENTION_DAYS") if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        count = purge_ips(days=days)
        self.stdout.write(f"Cleared the IP address of {count} comment{'s' if count != 1 else ''}.")
