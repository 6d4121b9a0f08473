"""Signals the library sends to the apps that build on it."""

from django.dispatch import Signal

# Sent inside the transaction of a bulk write (an import) that created or changed
# sources without saving each one; ``keys`` are their citation keys.
sources_changed = Signal()
