"""Retiring every cached page once a change commits, or once for a whole run of changes.

``retire_on_commit()`` is what each change asks for. Inside ``coalesced()``
the retirements asked for are held back and one happens when the block ends,
so a command or job that writes thousands of rows in many transactions
retires the pages once instead of once a row.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from pagecache import generation

# The retirements held by the innermost ``coalesced()`` block of this thread or task, or None.
_held = ContextVar("pagecache_held_retirements", default=None)


def retire_on_commit():
    """Retire every cached page after the current transaction commits (at once outside one)."""
    held = _held.get()
    if held is not None:
        held.append(True)
    else:
        transaction.on_commit(generation.bump_quietly, robust=True)


@contextmanager
def coalesced():
    """Hold back the retirements asked for inside the block; do one at its end if any was asked.

    The one retirement waits for the transaction around the block, if any; a
    block left by an exception still retires for the changes that committed.
    """
    if _held.get() is not None:
        yield  # nested: the outermost block retires
        return
    held = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        if held:
            retire_on_commit()
