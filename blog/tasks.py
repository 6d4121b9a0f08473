"""The blog's background jobs: re-rendering posts when something they are made from changes."""

from blog import derived
from jobs.background import background


@background
def rerender_citing(keys):
    """Re-render the posts that cite, quote or name the sources ``keys`` (safe to repeat)."""
    derived.rerender_citing(keys)


@background
def rerender_stale():
    """Rebuild every post and page whose stamp is not current (safe to repeat: current ones are skipped)."""
    derived.rerender_stale()
