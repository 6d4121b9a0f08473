"""The comments app's settings, with their defaults, in one place.

Each setting is read, at the moment it is used, from Django's settings as
``COMMENTS_<NAME>``, else taken from the default below (``config/settings.py``
sets it from the environment variable of the same name). Reading late lets
tests use ``override_settings``.

The rules an administrator may change in the admin (``comments.discussion.FIELDS``)
are read through ``comments.discussion`` instead: the values saved there, or
these settings until the discussion settings are first saved.
"""

from django.conf import settings

from blog.rendering.limits import Limits

DEFAULTS = {
    # Threads nest at most this many levels; a deeper reply joins its parent's level.
    "MAX_DEPTH": 4,
    # The longest comment body accepted, in characters.
    "MAX_LENGTH": 10_000,
    # A comment may hold at most this many paragraphs, and this many formatting marks
    # (* _ ` [ ] < > & \ … quotes, -- and ...): each costs the renderer several times a letter.
    "MAX_PARAGRAPHS": 150,
    "MAX_FORMATTING": 800,
    # How long after posting a commenter may edit or withdraw from the same browser.
    "EDIT_MINUTES": 15,
    # Hold every comment for a moderator, even one from a known commenter
    # (WordPress's "Comment must be manually approved").
    "MANUAL_APPROVAL": False,
    # Hold a comment with this many links or more (0 turns the rule off).
    "HOLD_LINKS": 2,
    # Hold a comment containing any of these words (body, name, email, website, IP, user agent).
    "HOLD_WORDS": [],
    # Mark as spam a comment containing any of these words (same fields).
    "SPAM_WORDS": ["viagra", "cialis", "casino bonus", "replica watches", "payday loan"],
    # Anonymous writes in each window of RATE_WINDOW_SECONDS (0 = no limit): comments per email
    # address and per IP address, and per network (an IPv4 /24 or IPv6 /64, which one person
    # can hop around in); edits and withdrawals likewise; unsubscribes per address and network.
    "RATE_LIMIT": 5,
    "RATE_LIMIT_NETWORK": 20,
    "EDIT_RATE_LIMIT": 10,
    "EDIT_RATE_LIMIT_NETWORK": 30,
    "UNSUBSCRIBE_RATE_LIMIT": 10,
    "UNSUBSCRIBE_RATE_LIMIT_NETWORK": 30,
    "RATE_WINDOW_SECONDS": 600,
    # The link confirming an address for reply notices works this many days; an address
    # not confirmed by then is forgotten and its subscriptions end.
    "CONFIRM_LINK_DAYS": 7,
    # Links in reply notices that stop them work for this many days.
    "UNSUBSCRIBE_LINK_DAYS": 365,
    # Comments close this many days after a post is published. 0 = never, as in
    # WordPress: moderation and rate limits already stop spam on old posts, and
    # imported archives and the demo's back-dated posts stay open for discussion.
    "CLOSE_AFTER_DAYS": 0,
    # Where the client's address is in request.META; behind a proxy, HTTP_X_FORWARDED_FOR.
    "IP_HEADER": "REMOTE_ADDR",
    # Email moderators (and the post's author) when a comment awaits them.
    "NOTIFY_MODERATORS": True,
    # Email the post's author of every comment approved on their post (by someone else), as
    # WordPress's "Email me whenever anyone posts a comment"; held comments reach them as above.
    "NOTIFY_AUTHOR": True,
    # "each": an email per held comment; "hourly" or "daily": one digest of everything waiting,
    # sent at the end of each hour (or local day) in which a comment was held.
    "MODERATOR_DIGEST": "each",
    # A thread shows this many top-level comments a page, each with all its replies, as
    # WordPress's "Break comments into pages" (0 = every comment on the post's page).
    "PER_PAGE": 50,
    # "last": the post's page shows the newest page of comments, "first": the oldest.
    "DEFAULT_PAGE": "last",
    # "oldest" or "newest": which top-level comments come first within a page (replies
    # always follow oldest first). Page 1 always holds the oldest comments.
    "ORDER": "oldest",
    # The approve and spam links in moderators' email work for this many days.
    "MODERATION_LINK_DAYS": 7,
    # Spam is deleted this many days after it was marked so (0 = kept), as Akismet does
    # after 15: long enough to rescue a real comment, short enough not to hoard junk.
    "SPAM_RETENTION_DAYS": 15,
    # Comments lose their IP address and user agent this many days after they are posted
    # (0 = kept): the rate limits and the queue's "from this network" need weeks, not years.
    "IP_RETENTION_DAYS": 90,
}


def default(name):
    """The setting ``COMMENTS_<name>`` as Django's settings (or the default above) have it."""
    return getattr(settings, f"COMMENTS_{name}", DEFAULTS[name])


def get(name):
    """The setting ``COMMENTS_<name>`` in force: the saved discussion settings', else ``default``."""
    from comments import discussion

    if name in discussion.FIELDS:
        return discussion.get(name)
    return default(name)


def moderator_digest():
    """``MODERATOR_DIGEST`` as "each", "hourly" or "daily"; anything else is taken as "each"."""
    value = str(get("MODERATOR_DIGEST")).strip().lower()
    return value if value in {"hourly", "daily"} else "each"


def newest_first():
    """``ORDER`` as a bool: anything but "newest" is taken as "oldest"."""
    return str(get("ORDER")).strip().lower() == "newest"


def default_last():
    """``DEFAULT_PAGE`` as a bool: anything but "first" is taken as "last"."""
    return str(get("DEFAULT_PAGE")).strip().lower() != "first"


def render_limits():
    """The rendering pipeline's ``Limits`` for a comment, as the settings have them."""
    return Limits(max_paragraphs=get("MAX_PARAGRAPHS"), max_formatting=get("MAX_FORMATTING"))
