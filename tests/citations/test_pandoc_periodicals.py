"""The causes of the differences from Pandoc on the 18th edition's own examples of periodicals, posts and
web pages keep to their types (test_pandoc_comparison.py puts every difference down to a cause)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import compare_pandoc  # noqa: E402


def _cause(start):
    return next(cause for cause in compare_pandoc.CAUSES if cause.label.startswith(start))


def test_the_periodicals_causes_apply_to_their_own_types_only():
    """The section's place is a periodical's, an unsigned article's quoted title a newspaper's or
    magazine's, a post's bibliography entry a post's."""
    section = _cause("a newspaper's section after the date").change
    article = {"type": "article-newspaper", "section": "Sports", "container-title": "New York Times"}
    pandoc = "Belson, “Title,” Sports, New York Times, August 12, 2022, https://nyti.ms/x."
    ours = "Belson, “Title,” New York Times, August 12, 2022, Sports, https://nyti.ms/x."
    assert section(ours, pandoc, article, "full") == (ours, ours)
    assert section(ours, pandoc, {**article, "type": "book"}, "full")[1] == pandoc
    listed_pandoc = "Belson. “Title.” Sports. New York Times, August 12, 2022. https://nyti.ms/x."
    listed_ours = "Belson. “Title.” New York Times, August 12, 2022, Sports. https://nyti.ms/x."
    assert section(listed_ours, listed_pandoc, article, "bibliography") == (listed_ours, listed_ours)
    column = _cause("a newspaper's regular column named after the date").change
    assert column(ours, pandoc, article, "full")[1] == pandoc
    loved = {**article, "section": "Modern love"}
    in_column = (ours.replace("Sports", "Modern Love"), pandoc.replace("Sports", "Modern Love"))
    assert column(*in_column, loved, "full") == (in_column[0], in_column[0])
    assert section(*in_column, loved, "full")[1] == in_column[1]
    unsigned = _cause("an unsigned article's title quoted").change
    ours, pandoc = "New York Times. “In Texas.” July 30, 2002.", "New York Times. In Texas. July 30, 2002."
    newspaper = {"type": "article-newspaper", "container-title": "New York Times"}
    assert unsigned(ours, pandoc, newspaper, "bibliography") == (ours, ours)
    assert unsigned(ours, pandoc, {**newspaper, "author": [{"family": "A"}]}, "bibliography")[1] == pandoc
    listed = _cause("a social media post listed").change
    assert listed("Entry.", "", {"type": "post"}, "bibliography") == ("Entry.", "Entry.")
    assert listed("Entry.", "", {"type": "webpage"}, "bibliography") == ("Entry.", "")
