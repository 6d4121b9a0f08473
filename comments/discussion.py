"""The discussion settings and block lists in force, the same on every server at once.

Administrators change the comment rules in the admin (``DiscussionSettings``,
``Block``); every process reads them here, through Django's shared cache:
the rows are cached under a key carrying a version token, and saving either
model gives the version a new token (at once, and again when the
transaction commits, so a process that read the old rows in between caches
them under a token nobody asks for). Nothing is kept in a process, so a
change applies from the next request everywhere. With the cache
unreachable, each read goes to the database.

Until the settings are first saved, each rule is its ``COMMENTS_<NAME>``
setting (``comments.conf.default``).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, transaction

from comments import conf
from comments.moderation import MAX_BLOCKS

logger = logging.getLogger(__name__)

# Setting name → ``DiscussionSettings`` field: the rules an administrator may change.
FIELDS = {
    "CLOSE_AFTER_DAYS": "close_after_days",
    "MAX_DEPTH": "max_depth",
    "MAX_LENGTH": "max_length",
    "EDIT_MINUTES": "edit_minutes",
    "MANUAL_APPROVAL": "manual_approval",
    "HOLD_LINKS": "hold_links",
    "HOLD_WORDS": "hold_words",
    "SPAM_WORDS": "spam_words",
    "NOTIFY_MODERATORS": "notify_moderators",
    "NOTIFY_AUTHOR": "notify_author",
    "MODERATOR_DIGEST": "moderator_digest",
    "RATE_WINDOW_SECONDS": "rate_window_seconds",
    "RATE_LIMIT": "rate_limit",
    "RATE_LIMIT_NETWORK": "rate_limit_network",
    "EDIT_RATE_LIMIT": "edit_rate_limit",
    "EDIT_RATE_LIMIT_NETWORK": "edit_rate_limit_network",
    "UNSUBSCRIBE_RATE_LIMIT": "unsubscribe_rate_limit",
    "UNSUBSCRIBE_RATE_LIMIT_NETWORK": "unsubscribe_rate_limit_network",
    "SPAM_RETENTION_DAYS": "spam_retention_days",
    "IP_RETENTION_DAYS": "ip_retention_days",
    "PER_PAGE": "per_page",
    "DEFAULT_PAGE": "default_page",
    "ORDER": "order",
}
# Word lists are a list in settings and one word a line in the form.
WORD_LISTS = {"HOLD_WORDS", "SPAM_WORDS"}
SINGLETON = 1
VERSION_KEY = "comments:discussion:version"
# Cached rows outlive no version by long: a day, then read again.
TIMEOUT = 86_400


def words(text):
    """The lines of a word list, trimmed, without empty ones."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def from_field(name, value):
    return words(value) if name in WORD_LISTS else value


def to_field(name, value):
    return "\n".join(value) if name in WORD_LISTS else value


def defaults():
    """Field name → value from the settings: what the admin form shows before the first save."""
    return {field: to_field(name, conf.default(name)) for name, field in FIELDS.items()}


def load():
    """What the database holds: the saved rules (empty before the first save) and the block list."""
    from comments.models import Block, DiscussionSettings

    row = DiscussionSettings.objects.filter(pk=SINGLETON).values(*FIELDS.values()).first()
    saved = {name: from_field(name, row[field]) for name, field in FIELDS.items()} if row else {}
    blocks = tuple(Block.objects.order_by("pk").values_list("kind", "value")[:MAX_BLOCKS])
    return {"saved": saved, "blocks": blocks}


def current():
    """The cached ``load()`` for the version in force.

    With the database unreachable too, the settings (``comments.conf``) are the
    rules, so a page that keeps a reader's text can still show the form.
    """
    key = found = None
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY)
        key = f"comments:discussion:{version}"
        found = cache.get(key)
    except Exception as error:
        # Why broad: whatever the cache backend raises, the rows are in the database.
        logger.warning("Discussion settings come from the database: the cache is unreachable (%s).", error)
    if found is None:
        try:
            found = load()
        except DatabaseError as error:
            logger.warning(
                "Discussion settings are the deployment's: the database is unreachable (%s).", error
            )
            return {"saved": {}, "blocks": ()}
        if key is not None:
            try:
                cache.set(key, found, TIMEOUT)
            except Exception as error:
                logger.warning("Discussion settings are not cached: the cache is unreachable (%s).", error)
    return found


def get(name):
    """The rule ``name`` (a key of ``FIELDS``) in force: as saved, else its setting."""
    saved = current()["saved"]
    return saved[name] if name in saved else conf.default(name)


def blocks():
    """The block list as (kind, value) pairs, for ``moderation.find_block``."""
    return current()["blocks"]


def forget():
    """Make every process read the rows afresh: now, and once the transaction that changed them commits."""

    def new_version():
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, None)
        except Exception as error:
            logger.warning("Discussion settings: the cache is unreachable (%s).", error)

    new_version()
    transaction.on_commit(new_version)
