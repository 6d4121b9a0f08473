"""Compare the Chicago style with Pandoc's citeproc and the official Chicago CSL style, record by record.

Usage: ``.venv/bin/python bench/compare_pandoc.py [FILE.json ...] [--edition 17|18] [--show N]``

For each CSL-JSON record it asks Pandoc (Debian's ``pandoc``, 2.11 or later)
for the full note (the first citation), the short note (a later one, with
other citations in between so that no "Ibid." appears) and the bibliography
entry, using the style kept in ``citations/styles/csl/`` for the edition, and
compares them, as text, with what ``citations.styles`` prints. It prints a
table of matches per type and form, exact and "relaxed" (case, quotes and
spaces ignored), then up to ``--show`` differences. Without files it reads
the repository's real-world records (``tests/citations/data/zotero-library.json``)
and the example source. Exits 2 when pandoc is missing.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from bs4 import BeautifulSoup  # noqa: E402

from citations import csl  # noqa: E402
from citations.styles import get_style  # noqa: E402

CSL_DIR = ROOT / "citations" / "styles" / "csl"
CSL_FILES = {18: "chicago-notes-bibliography.csl", 17: "chicago-notes-bibliography-17th-edition.csl"}
DEFAULT_FILES = [
    ROOT / "tests/citations/data/zotero-library.json",
    Path("/work/shared/examples/sources.json"),
]
FORMS = ("full", "short", "bibliography")


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def relaxed(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    for straight, curly in (('"', "“”"), ("'", "‘’")):
        for mark in curly:
            text = text.replace(mark, straight)
    return " ".join(text.replace(" ,", ",").split())


def pandoc_page(body, items, csl_file):
    """Pandoc's HTML of the Markdown ``body`` citing CSL-JSON ``items`` in the style ``csl_file``, parsed."""
    with tempfile.TemporaryDirectory() as directory:
        bibliography = Path(directory) / "items.json"
        bibliography.write_text(json.dumps(items), encoding="utf-8")
        html = subprocess.run(
            ["pandoc", "--citeproc", f"--csl={csl_file}", f"--bibliography={bibliography}", "-t", "html"],
            input=body,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return BeautifulSoup(html, "html.parser")


def pandoc_forms(items, csl_file):
    """{key: {form: text}} from one Pandoc run over ``items`` (keys ``k0``, ``k1``…)."""
    keys = [item["id"] for item in items]
    body = "\n\n".join(f"First {key}[@{key}]." for key in keys)
    body += "\n\n" + "\n\n".join(f"Again {key}[@{key}]." for key in keys)
    page = pandoc_page(body, items, csl_file)
    notes = page.select("section.footnotes li, section#footnotes li")
    for back in page.select(".footnote-back"):
        back.decompose()
    texts = [" ".join(note.get_text().split()) for note in notes]
    forms = {key: {"full": texts[index], "short": texts[len(keys) + index]} for index, key in enumerate(keys)}
    for entry in page.select("div.csl-entry"):
        key = entry.get("id", "").removeprefix("ref-")
        if key in forms:
            forms[key]["bibliography"] = " ".join(entry.get_text().split())
    return forms


def our_forms(item, style):
    item = csl.as_text(item)
    return {
        "full": text_of(style.note(item)),
        "short": text_of(style.note(item, short=True)),
        "bibliography": text_of(style.bibliography(item)),
    }


def compare(items, edition):
    """Rows ``(type, form, key, ours, pandoc)`` for every record and form."""
    numbered = [{**item, "id": f"k{index}"} for index, item in enumerate(items)]
    theirs = pandoc_forms(numbered, CSL_DIR / CSL_FILES[edition])
    style = get_style(f"chicago-{edition}")
    rows = []
    for item in numbered:
        ours = our_forms(item, style)
        for form in FORMS:
            pandoc = theirs[item["id"]].get(form, "")
            rows.append((item.get("type", ""), form, item["id"], ours[form], pandoc))
    return rows


def table(rows):
    """Per type and form: (exact matches, relaxed matches, records)."""
    counts = defaultdict(lambda: [0, 0, 0])
    for kind, form, _key, ours, pandoc in rows:
        count = counts[(kind, form)]
        count[0] += ours == pandoc
        count[1] += relaxed(ours) == relaxed(pandoc)
        count[2] += 1
    return dict(sorted(counts.items()))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--edition", type=int, choices=sorted(CSL_FILES), default=18)
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install -y pandoc)", file=sys.stderr)
        return 2
    items = []
    for path in args.files or DEFAULT_FILES:
        items += json.loads(path.read_text(encoding="utf-8"))
    rows = compare(items, args.edition)
    csl_file = CSL_FILES[args.edition]
    print(f"Chicago {args.edition}th edition against Pandoc with {csl_file}, {len(items)} records")
    print(f"{'type':<20} {'form':<13} {'exact':>7} {'relaxed':>8} {'of':>4}")
    for (kind, form), (exact, loose, total) in table(rows).items():
        print(f"{kind:<20} {form:<13} {exact:>7} {loose:>8} {total:>4}")
    exact = sum(ours == pandoc for *_rest, ours, pandoc in rows)
    print(f"{'all':<34} {exact:>7} {sum(relaxed(r[3]) == relaxed(r[4]) for r in rows):>8} {len(rows):>4}")
    shown = [row for row in rows if relaxed(row[3]) != relaxed(row[4])][: args.show]
    for kind, form, key, ours, pandoc in shown:
        print(f"\n{key} {kind} {form}\n  ours:   {ours}\n  pandoc: {pandoc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
