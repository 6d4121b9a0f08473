"""Signals the comments app sends."""

from django.dispatch import Signal

# Sent (with ``comments``) after a bulk write that skips the model's own save
# signals, such as moderating a batch or erasing a commenter's details, so that
# caches of the pages showing those comments can be refreshed.
comments_changed = Signal()
