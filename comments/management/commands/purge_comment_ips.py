"""``manage.py purge_comment_ips --days N``: forget the IP addresses of old comments."""

from django.core.management.base import BaseCommand, CommandError

from comments.privacy import purge_ips


class Command(BaseCommand):
    help = "Clear the IP address and user agent stored with comments older than N days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, required=True, help="Keep addresses this many days.")

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        count = purge_ips(days=days)
        self.stdout.write(f"Cleared the IP address of {count} comment{'s' if count != 1 else ''}.")
