"""How long ``render_post`` takes on a long post: 10,000 words, 50 excerpts, 100 citations.

Run from the project root: ``python bench/render.py [runs]``. The pipeline is
pure, so no Django settings are needed.
"""

import random
import statistics
import sys
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from blog.rendering import citation_keys, render_post  # noqa: E402

WORDS = (
    "arms", "militants", "government", "weapons", "the", "of", "and", "to", "in", "a", "that", "Libya",
    "Mali", "depots", "across", "country", "officials", "said", "experts", "soldiers", "would", "could",
    "report", "security", "forces", "war", "region", "missiles",
)  # fmt: skip


@dataclass(frozen=True)
class BenchSource:
    key: str
    url: str

    def note(self, locator="", *, short=False, label="page", suppress_author=False):
        where = f", {escape(locator)}" if locator else ""
        author = "" if suppress_author else "Ann "
        if short:
            return f"{author}Writer, “Short Title”{where}."
        title = f"“A Long Title of Source {self.key},” <i>The Journal</i>"
        return f"{author}Writer, {title}, March 1, 2020{where}."

    def narrative(self, *, short=False):
        return "Writer" if short else "Ann Writer"

    def attribution(self):
        return "Ann Writer, <i>The Journal</i>"


def sentence(rng, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def build_post(rng, excerpts=50, sources=20):
    """A post of about 10,000 words: per excerpt, author prose citing a source, then the excerpt."""
    parts = []
    for number in range(excerpts):
        key = f"source{number % sources}"
        page = rng.randint(1, 300)
        parts.append(f"{sentence(rng, 30)} {sentence(rng, 25)}[@{key}, {page}] {sentence(rng, 20)}")
        quote = [
            f"{sentence(rng, 35)} [the {rng.choice(WORDS)}] {sentence(rng, 10)} …",
            f"{sentence(rng, 30)} [Comment: {sentence(rng, 8)}] {sentence(rng, 15)}",
            sentence(rng, 25),
        ]
        parts.append("\n>\n".join(f"> {paragraph}" for paragraph in quote) + f"\n>\n> — [@{key}, {page + 1}]")
    return "\n\n".join(parts) + "\n", {f"source{n}": BenchSource(f"source{n}", "") for n in range(sources)}


def main(runs=7):
    text, sources = build_post(random.Random(2013))
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        rendering = render_post(text, sources)
        timings.append(time.perf_counter() - start)
    start = time.perf_counter()
    keys = citation_keys(text)
    keys_time = time.perf_counter() - start
    citations = sum(note.references for note in rendering.footnotes)
    print(
        f"post: {rendering.word_count} words, {len(rendering.excerpts)} excerpts, "
        f"{citations} citations in {len(rendering.footnotes)} notes, {len(rendering.errors)} errors"
    )
    best, median = min(timings) * 1000, statistics.median(timings) * 1000
    print(f"render_post over {runs} runs: best {best:.0f} ms, median {median:.0f} ms")
    print(f"citation_keys: {keys_time * 1000:.0f} ms for {len(keys)} keys")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
