"""``manage.py capture URL [--quote TEXT]``: a draft quoting a page, for scripts and tests."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.urls import reverse

from capture import services


class Command(BaseCommand):
    help = "Fetch a page, find or add its source, open a draft quoting it; prints the draft's admin address."

    def add_arguments(self, parser):
        parser.add_argument("url", help="the page's address (http or https)")
        parser.add_argument("--quote", default="", help="the passage to quote")
        parser.add_argument("--title", default="", help="the page's title, if it cannot be read")
        parser.add_argument("--author", help="username of the draft's author (default: the first superuser)")

    def handle(self, *args, url, quote, title, author=None, **options):
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise CommandError(f"{url!r} is not an http or https address.") from error
        users = get_user_model().objects
        user = (
            users.filter(username=author).first()
            if author
            else users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError(
                f"No user {author!r}." if author else "No superuser to be the author; use --author."
            )
        captured = services.capture_page(url=url, passage=quote, title=title, user=user)
        if captured.problem:
            self.stderr.write(f"The page could not be read: {captured.problem}")
        address = reverse("admin:blog_post_change", args=[captured.post.pk])
        self.stdout.write(f"{settings.SITE_URL.rstrip('/')}{address}")
