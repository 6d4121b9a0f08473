"""The importing core: what any importer of another platform's blog needs, whatever the platform.

A platform's app (``wordpress``) reads its export and adapts each item; this
package does the rest: parsing HTML within limits (``htmltree``), writing the
dialect from it (``writer``), finding or creating users, tags and sources
(``directories``, ``references``), counting and naming what happened
(``report``) and fingerprinting items so a re-import skips what is unchanged
(``fingerprints``). The redirect table an importer fills lives in the
``imports`` app (``imports.redirects``), which knows no app.

It is a library, not an app: it has no models. It builds on ``blog`` and
``citations`` (it creates their rows) and never on a platform's app, so the
dependencies run citations ← blog ← importing ← wordpress.
"""
