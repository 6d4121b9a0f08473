"""Signals the blog sends."""

from django.dispatch import Signal

# Sent (with ``post_ids`` and ``page_ids``) after stored renderings were rebuilt
# in bulk, which skips the models' own save signals: the pages showing them
# changed. ``blog.derived`` sends it once per run, after its last batch.
renderings_changed = Signal()
