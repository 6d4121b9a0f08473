"""Compare the in-text styles (citeproc-py) with Pandoc's citeproc on the same CSL files, record by record.

Usage: ``.venv/bin/python bench/compare_csl.py [FILE.json ...] [--style NAME ...] [--show N]``

For each CSL-JSON record and each style of ``citations.styles.CSL_STYLES``
(or those named, which may be other ``.csl`` files kept there), Pandoc
(Debian's ``pandoc``, 2.11 or later) and the site format three forms from
the one style file kept in ``citations/styles/csl/``:
the parenthetical citation with a page (``[@key, p. 33]``), the narrative one
(``@key``) and the reference-list entry. The table gives matches per style and
form, exact and relaxed (case, quotes and spaces ignored), then up to
``--show`` differences. Without files it reads the records of
``compare_pandoc.DEFAULT_FILES``. Exits 2 when pandoc is missing.
"""

import argparse
import json
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compare_pandoc import DEFAULT_FILES, pandoc_page, relaxed, text_of  # noqa: E402 (also sets up Django)
from citations import csl  # noqa: E402
from citations.styles import CSL_STYLES, get_style  # noqa: E402
from citations.styles.processor import Cited  # noqa: E402

FORMS = ("cite", "narrative", "bibliography")


def pandoc_forms(items, csl_file):
    """{key: {form: text}} from one Pandoc run over ``items`` (keys ``k0``, ``k1``…)."""
    keys = [item["id"] for item in items]
    body = "\n\n".join(f"C{index} [@{key}, p. 33].\n\nN{index} @{key}." for index, key in enumerate(keys))
    page = pandoc_page(body, items, csl_file)
    cites = [" ".join(span.get_text().split()) for span in page.select("p > span.citation")]
    forms = {
        key: {"cite": cites[2 * index], "narrative": cites[2 * index + 1]} for index, key in enumerate(keys)
    }
    for entry in page.select("div.csl-entry"):
        key = entry.get("id", "").removeprefix("ref-")
        if key in forms:
            forms[key]["bibliography"] = " ".join(entry.get_text().split())
    return forms


def our_forms(items, style):
    """{key: {form: text}}, the citations of all ``items`` formatted together as one post's are."""
    data = {item["id"]: csl.as_text({k: v for k, v in item.items() if k != "id"}) for item in items}
    citations = []
    for key in data:
        citations += [(Cited(key, value="33"),), (Cited(key, narrative=True),)]
    cites = style.cite(citations, data)
    forms = {
        key: {"cite": text_of(cites[2 * i]), "narrative": text_of(cites[2 * i + 1])}
        for i, key in enumerate(data)
    }
    for key, item in data.items():
        forms[key]["bibliography"] = text_of(style.bibliography(item))
    return forms


def unnumbered(text):
    """An entry without a numeric style's label (the site lists each record alone, Pandoc all together)."""
    return re.sub(r"^\[?\d+[.\]]\s*", "", text)


def compare(items, name):
    """Rows ``(type, form, key, ours, pandoc)`` for every record and form, in the style ``name``."""
    numbered = [{**item, "id": f"k{index}"} for index, item in enumerate(items)]
    style = get_style(name)
    theirs = pandoc_forms(numbered, style.path)
    ours = our_forms(numbered, style)
    return [
        (
            item.get("type", ""),
            form,
            item["id"],
            *(unnumbered(forms[item["id"]].get(form, "")) for forms in (ours, theirs)),
        )
        for item in numbered
        for form in FORMS
    ]


def table(rows):
    """Per form: (exact matches, relaxed matches, records)."""
    counts = defaultdict(lambda: [0, 0, 0])
    for _kind, form, _key, ours, pandoc in rows:
        count = counts[form]
        count[0] += ours == pandoc
        count[1] += relaxed(ours) == relaxed(pandoc)
        count[2] += 1
    return dict(counts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument(
        "--style",
        action="append",
        help="an offered style's name or a .csl file in citations/styles/csl/ (default: every offered style)",
    )
    parser.add_argument("--show", type=int, default=5, help="differences to print for each style")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install -y pandoc)", file=sys.stderr)
        return 2
    items = []
    for path in args.files or DEFAULT_FILES:
        items += json.loads(path.read_text(encoding="utf-8"))
    print(f"citeproc-py against Pandoc, {len(items)} records: exact / relaxed matches")
    print(f"{'style':<22} " + " ".join(f"{form:>16}" for form in FORMS))
    differences = []
    for name in args.style or sorted(CSL_STYLES):
        rows = compare(items, name)
        counts = table(rows)
        cells = (f"{counts[form][0]:>4} / {counts[form][1]:>3} of {counts[form][2]:<3}" for form in FORMS)
        print(f"{name:<22} " + " ".join(cells))
        differences += [(name, *row) for row in rows if relaxed(row[3]) != relaxed(row[4])][: args.show]
    for name, kind, form, key, ours, pandoc in differences:
        print(f"\n{name} {key} {kind} {form}\n  ours:   {ours}\n  pandoc: {pandoc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
