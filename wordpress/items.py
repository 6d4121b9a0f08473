"""Reading an item's fields: dates, content within its limit, the error that skips an item."""

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from django.utils import timezone

from importing.htmltree import LimitError
from wordpress import conf

# Part of every fingerprint: a better converter re-imports what the older one converted.
# 3: self-closing blocks (social links, buttons, files…) written from their attributes, or reported.
CONVERTER_VERSION = "3"
ZERO_DATE = "0000-00-00 00:00:00"


class ItemProblem(Exception):
    """This item cannot be imported; the message says why."""


@dataclass
class Mapping:
    """An ``ImportedItem`` as the importer keeps it in memory."""

    pk: int
    object_id: int
    fingerprint: str


def parse_date(gmt: str, local: str) -> datetime | None:
    """The item's moment: the GMT field, or the site-local one when WordPress left GMT at zero.

    ``None`` when the export gives neither (WordPress then dates the item at its import);
    ``ItemProblem`` when a date is there but is not one.
    """
    use_gmt = bool(gmt) and gmt != ZERO_DATE
    text = gmt if use_gmt else local
    if not text or text == ZERO_DATE:
        return None
    try:
        moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ItemProblem(f"invalid date {text!r}") from None
    return timezone.make_aware(moment, UTC if use_gmt else timezone.get_current_timezone())


def rss_date(text: str) -> datetime | None:
    """An RSS ``pubDate`` ("Thu, 05 Jan 2012 14:30:46 +0000"), or ``None`` (drafts have "…-0001…")."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None or moment.year < 1970:
        return None
    return moment


def limited(html: str) -> str:
    """``html``, or ``LimitError`` when it is longer than ``WORDPRESS_IMPORT_MAX_CONTENT_LENGTH``."""
    limit = conf.get("IMPORT_MAX_CONTENT_LENGTH")
    if len(html) > limit:
        raise LimitError(
            f"its content is {len(html):,} characters long; the limit is {limit:,} "
            "(WORDPRESS_IMPORT_MAX_CONTENT_LENGTH)"
        )
    return html
