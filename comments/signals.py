"""Signals the comments app sends."""

from django.dispatch import Signal

# Sent (with ``post_ids``, a set, or None for every post) by ``comments.published.changed``
# inside the transaction of any change to comments readers may see, however it was
# written (a form, moderation, an erasure, an import), so that caches of the pages
# showing them can be refreshed once it commits.
comments_changed = Signal()
