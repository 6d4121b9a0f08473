"""The 18th edition's own examples of periodicals, posts and web pages against Pandoc and the official
Chicago CSL styles: every difference has a known cause (runs where Debian's pandoc is installed)."""

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import compare_pandoc  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")

PERIODICAL_TYPES = (
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "post-weblog",
    "post",
    "webpage",
)


@pytest.fixture(scope="module")
def examples():
    path = compare_pandoc.ROOT / "bench/data/cmos18-examples.json"
    return [item for item in json.loads(path.read_text(encoding="utf-8")) if item["type"] in PERIODICAL_TYPES]


@pytest.mark.parametrize("edition", [17, 18])
def test_every_difference_in_the_manuals_periodicals_has_a_known_cause(examples, edition):
    rows = compare_pandoc.compare(examples, edition)
    _counted, unknown = compare_pandoc.explained(rows, examples, compare_pandoc.causes_for(edition))
    assert unknown == []


def _cause(start):
    return next(cause for cause in compare_pandoc.CAUSES if cause.label.startswith(start))


def test_the_periodicals_causes_apply_to_their_own_types_only():
    """The section's place is a periodical's, an unsigned article's quoted title a newspaper's or
    magazine's, a post's bibliography entry a post's."""
    section = _cause("the record's section printed after").change
    article = {"type": "article-newspaper", "section": "Sports", "container-title": "New York Times"}
    pandoc = "Belson, “Title,” Sports, New York Times, August 12, 2022."
    ours = "Belson, “Title,” New York Times, Sports, August 12, 2022."
    assert section(ours, pandoc, article, "full") == (ours, ours)
    assert section(ours, pandoc, {**article, "type": "book"}, "full")[1] == pandoc
    unsigned = _cause("an unsigned article's title quoted").change
    ours, pandoc = "New York Times. “In Texas.” July 30, 2002.", "New York Times. In Texas. July 30, 2002."
    newspaper = {"type": "article-newspaper", "container-title": "New York Times"}
    assert unsigned(ours, pandoc, newspaper, "bibliography") == (ours, ours)
    assert unsigned(ours, pandoc, {**newspaper, "author": [{"family": "A"}]}, "bibliography")[1] == pandoc
    listed = _cause("a social media post listed").change
    assert listed("Entry.", "", {"type": "post"}, "bibliography") == ("Entry.", "Entry.")
    assert listed("Entry.", "", {"type": "webpage"}, "bibliography") == ("Entry.", "")
