"""An item's fingerprint: a digest of the item as exported and of the converter that read it.

An importer stores it beside the row an item became; an item whose
fingerprint is unchanged on the next import is not touched, and bumping
``version`` (a better converter) makes every item convert again.
"""

import hashlib
import json


def fingerprint(version: str, *parts) -> str:
    """The SHA-256 of ``version`` and ``parts`` (anything JSON can write), as 64 hex digits."""
    return hashlib.sha256(json.dumps([version, *parts], sort_keys=True).encode()).hexdigest()
