"""``manage.py commenter_data EMAIL --export | --erase``: a commenter's data rights."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from comments.privacy import commenter_erase, commenter_export


class Command(BaseCommand):
    help = (
        "Export as JSON, or erase, everything stored about the comments written from an email address. "
        "Erasing keeps the comments, anonymised, so threads survive."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="Print the data as JSON.")
        action.add_argument("--erase", action="store_true", help="Anonymise the comments.")

    def handle(self, *args, email, export, erase, **options):
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an email address.") from None
        if export:
            self.stdout.write(json.dumps(commenter_export(email=email), indent=2, ensure_ascii=False))
        else:
            count = commenter_erase(email=email)
            self.stdout.write(f"Anonymised {count} comment{'s' if count != 1 else ''} from {email}.")
