"""Hostile input, timed: every parser's worst shapes at growing sizes, and the two targets.

Run from the project root, in a throw-away test database (SQLite in memory,
or whatever DATABASE_URL names):

    .venv/bin/python -m bench.hostile            # or: .venv/bin/python bench/hostile.py
    BENCH_HOSTILE_SCALE=4 .venv/bin/python -m bench.hostile   # four times larger inputs

Each case is a tuple ``(parser_name, shape_name, build, run)``: ``build(n)``
returns an input of about n bytes (or units), ``run(input)`` parses it.
This module's cases cover the post dialect, comment Markdown and the search
query; ``bench/hostile_imports.py``, when present, adds its own ``CASES`` in
the same form (the importers' parsers), and all are run alike. For each
case the time at n and at 2n are compared: linear work takes about twice as
long, and a ratio of 3 or more is flagged. Then the targets: a comment of
``COMMENTS_MAX_LENGTH`` characters renders in under 50 ms, a 1 MB post body
in under 2 s, for comments of each hostile shape as far as the comment
form's limits accept it too; the slowest post shapes are timed again at the
body limit (``BENCH_HOSTILE_AT_LIMIT=5``, how many); and a whole admin save
of a large body is timed.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.render import BenchSource, build_post  # noqa: E402
from blog import conf as blog_conf  # noqa: E402
from blog.rendering import render_comment, render_post  # noqa: E402
from blog.rendering.limits import over_formatting, over_length  # noqa: E402
from comments import conf as comments_conf  # noqa: E402

SCALE = int(os.environ.get("BENCH_HOSTILE_SCALE", "1"))
SIZES = [size * SCALE for size in (5_000, 10_000, 20_000, 40_000)]
COMMENT_SIZES = [size * SCALE for size in (1_250, 2_500, 5_000, 10_000)]
FLAG_RATIO = 3
COMMENT_TARGET, POST_TARGET = 0.050, 2.0
# How many of the slowest post shapes are timed again at the body limit (0 = none).
POST_SHAPES_AT_LIMIT = int(os.environ.get("BENCH_HOSTILE_AT_LIMIT", "5"))
SOURCES = {f"source{n}": BenchSource(f"source{n}", "") for n in range(20)}


def repeat(unit):
    """A builder repeating ``unit`` to about n characters."""
    return lambda n: unit * max(1, n // len(unit))


def numbered(template, suffix=""):
    """A builder of ``template.format(i)`` for i = 0, 1, … to about n characters, then ``suffix``."""

    def build(n):
        parts, size, number = [], 0, 0
        while size < n:
            part = template.format(number)
            parts.append(part)
            size += len(part)
            number += 1
        return "".join(parts) + suffix

    return build


def nested_lists(n):
    lines, size, depth = [], 0, 0
    while size < n:
        line = "    " * (depth % 40) + "- x\n"
        lines.append(line)
        size += len(line)
        depth += 1
    return "".join(lines)


SHAPES = [
    ("unclosed links [a](", repeat("[a](")),
    ('unclosed titled links [a]("', repeat('[a]("')),
    ("closed links", repeat("[a](b) ")),
    ("open brackets", repeat("[")),
    ("open parentheses", repeat("(")),
    ("references to one footnote", lambda n: "[^a] " * (n // 5) + "\n\n[^a]: the note\n"),
    ("footnote definitions", numbered("[^{0}]: a note\n")),
    ("unknown citation keys", numbered("[@k{0}] ")),
    ("citations to known sources", numbered("word [@source1, p. {0}] ")),
    ("keys in one citation", lambda n: "[" + "; ".join(f"@k{i}" for i in range(n // 6)) + "]"),
    ("narrative citations @key [p. n]", numbered("@source1 [p. {0}] ")),
    ("unknown narrative keys", numbered("@k{0} ")),
    ("unclosed citations [see @key", repeat("[see @source1, p. 4 ")),
    ("keys in braces [@{k'n}]", numbered("[@{{k'{0}}}, p. 3] ")),
    ("unclosed key braces @{a", repeat("@{a")),
    ("unclosed key braces in a citation [@{a;", lambda n: "[" + "@{a;" * (n // 4) + "]"),
    ("key braces holding at signs @{a@a", lambda n: "[@{" + "a@" * (n // 2) + "}]"),
    ("locator runs", lambda n: "[@source1, pp. " + "1, " * (n // 3) + "]"),
    ("label-like suffix words", lambda n: "[@source1, " + "line " * (n // 5) + "]"),
    ("unclosed locator braces", repeat("[@source1, {")),
    ("escaped at signs", repeat("\\@a ")),
    ("nested quotes >>>", repeat(">")),
    ("quote lines", repeat("> a\n")),
    ("nested lists", nested_lists),
    ("emphasis *a*", repeat("*a* ")),
    ("runs of *", repeat("*")),
    ("runs of _a", repeat("_a")),
    ("backticks `a", repeat("`a")),
    ("runs of <a", repeat("<a")),
    ("unclosed tags <a ", repeat("<a ")),
    ("inequalities a<b", repeat("a<b\n\n")),
    ("ampersands", repeat("&")),
    ("asides [Comment:", repeat("[Comment: ")),
    ("ellipses in an excerpt", lambda n: "> " + "... " * (n // 4) + "\n>\n> — [@source1]\n"),
    ("interpolations in an excerpt", lambda n: "> " + "[sic] " * (n // 6) + "\n>\n> — [@source1]\n"),
    ("a huge table", lambda n: "| a | b |\n|---|---|\n" + "| x | y |\n" * (n // 10)),
    ("HTML blocks", repeat("<div>\n")),
    ("headings", repeat("# a\n")),
    ("setext headings", repeat("a\n-\n")),
    ("rules", repeat("***\n")),
    ("abbreviations", numbered("*[A{0}]: x\n", "A1 " * 100)),
    ("reference definitions", numbered("[r{0}]: /x\n")),
    ("paragraphs", repeat("a\n\n")),
    ("a long line", repeat("word ")),
    ("quotes and dashes", repeat("'\"-- ")),
    ("bare URLs", repeat("a.com ")),
    ("hyphen runs a-", repeat("a-")),
    ("unclosed strike ~~a ", repeat("~~a ")),
    ("runs of ~", repeat("~")),
    ("unclosed superscripts ^a", repeat("^a")),
    ("scripts H~2~O x^2^", repeat("H~2~O x^2^ ")),
    ("heading anchors", repeat("## a {#x}\n")),
    ("braces in one heading", lambda n: "## " + "{#a " * (n // 4) + "\n"),
]


def post(text):
    return render_post(text, SOURCES)


def comment(text):
    """A comment rendered as it is saved, under the comment limits (one over them is shown as plain text)."""
    return render_comment(text, comments_conf.render_limits())


CASES = [("post dialect", name, build, post) for name, build in SHAPES]
CASES += [("comment markdown", name, build, comment) for name, build in SHAPES]


def search_cases(client):
    """The search page for hostile queries (the form bounds their length; longer ones are refused)."""

    def run(query):
        response = client.get(reverse("blog:search"), {"q": query})
        assert response.status_code == 200, response.status_code

    return [
        ("search query", "words", repeat("arms "), run),
        ("search query", "operators", repeat('"a" -b OR '), run),
        ("search query", "controls", repeat("a\x01\x7f "), run),
    ]


def imported_cases():
    try:
        from bench.hostile_imports import CASES as cases
    except ModuleNotFoundError as error:
        if error.name != "bench.hostile_imports":
            raise
        return []
    return list(cases)


def timed(run, value, repeats=3):
    """The best of up to ``repeats`` runs (one only when a run takes over half a second): timings on
    a shared machine are noisy, and the best run is the work's own cost."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(value)
        best = min(best, time.perf_counter() - start)
        if best > 0.5:
            break
    return best


def sizes_for(parser):
    if parser == "comment markdown":
        return COMMENT_SIZES
    if parser == "search query":
        return [25, 50, 100, 200]
    return SIZES


def run_cases(cases):
    """Time every case at each size; returns rows (parser, shape, size, seconds, ratio to half the size)."""
    rows = []
    for parser, shape, build, run in cases:
        previous = None
        for size in sizes_for(parser):
            value = build(size)
            seconds = timed(run, value)
            ratio = seconds / previous if previous and previous > 0.001 else None
            rows.append((parser, shape, size, seconds, ratio))
            previous = seconds
        flag = "  <-- grows faster than linear" if ratio and ratio >= FLAG_RATIO and seconds > 0.005 else ""
        ratio_text = f"{ratio:4.1f}" if ratio else "   -"
        print(
            f"  {parser:18} {shape:32} {size:>9,}: {seconds * 1000:9.1f} ms  ×{ratio_text}{flag}", flush=True
        )
    return rows


def report_worst(rows):
    print("\nWorst case per parser (at its largest size):")
    largest = {}
    for parser, _shape, size, _seconds, _ratio in rows:
        largest[parser] = max(largest.get(parser, 0), size)
    for parser in dict.fromkeys(row[0] for row in rows):
        at_largest = [row for row in rows if row[0] == parser and row[2] == largest[parser]]
        _parser, shape, size, seconds, _ratio = max(at_largest, key=lambda row: row[3])
        print(f"  {parser:18} {shape:32} {size:>9,}: {seconds * 1000:9.1f} ms")
    flagged = [row for row in rows if row[4] and row[4] >= FLAG_RATIO and row[3] > 0.005]
    print(f"Shapes growing faster than linear (time at 2n ≥ {FLAG_RATIO} × time at n): {len(flagged)}")
    for parser, shape, size, seconds, ratio in flagged:
        print(f"  {parser:18} {shape:32} {size:>9,}: {seconds * 1000:9.1f} ms  ×{ratio:.1f}")


def prose(rng, length):
    words = ["the", "arms", "of", "a", "militant", "government", "said", "country", "weapons", "report"]
    text = []
    while sum(map(len, text)) < length:
        text.append(" ".join(rng.choice(words) for _ in range(40)).capitalize() + ".\n\n")
    return "".join(text)[:length]


def one_megabyte_post():
    """bench/render.py's long post, made as long as the body limit allows (about 1 MB)."""
    return build_post(random.Random(2013), excerpts=775)


def within_limits(text, filler, over):
    """The longest start of ``text`` the limits check ``over`` accepts, then ``filler`` to the same length."""
    length = len(text)

    def padded(size):
        return (text[:size] + "\n\n" + filler)[:length] if size < length else text

    low, high = 0, length
    while low < high:  # binary search: what the limits count only grows with the text
        middle = (low + high + 1) // 2
        if over(padded(middle)):
            high = middle - 1
        else:
            low = middle
    return padded(low)


def check_targets(rows):
    print("\nTargets:")
    max_length = comments_conf.get("MAX_LENGTH")
    filler = prose(random.Random(13), max_length)
    seconds = timed(comment, filler, repeats=5)
    verdict = "ok" if seconds < COMMENT_TARGET else "OVER"
    print(f"  a {max_length:,}-character comment of prose: {seconds * 1000:.1f} ms (target 50 ms) {verdict}")
    comment_shapes = [
        (shape, build(max_length)) for parser, shape, build, _run in CASES if parser.startswith("comment")
    ]
    worst = max(((shape, timed(comment, text)) for shape, text in comment_shapes), key=lambda item: item[1])
    verdict = "ok" if worst[1] < COMMENT_TARGET else "OVER"
    print(
        f"  the slowest {max_length:,}-character hostile comment, as saved ({worst[0]}): "
        f"{worst[1] * 1000:.1f} ms {verdict}"
    )
    limits = comments_conf.render_limits()
    accepted = [
        (shape, within_limits(text, filler, lambda value: over_formatting(value, limits)))
        for shape, text in comment_shapes
    ]
    timings = sorted(((timed(comment, text), shape) for shape, text in accepted), reverse=True)
    verdict = "ok" if timings[0][0] < COMMENT_TARGET else "OVER"
    print(
        f"  each shape as far as the comment form accepts it, padded with prose to {max_length:,} characters:"
    )
    for seconds, shape in timings[:5]:
        print(f"    {shape:32} {seconds * 1000:6.1f} ms")
    print(f"    the slowest: {timings[0][0] * 1000:.1f} ms (target 50 ms) {verdict}")
    text, sources = one_megabyte_post()
    seconds = timed(lambda value: render_post(value, sources), text)
    verdict = "ok" if seconds < POST_TARGET else "OVER"
    print(f"  a {len(text):,}-character post (excerpts, citations): {seconds:.2f} s (target 2 s) {verdict}")
    check_posts_at_the_limit(rows)


def check_posts_at_the_limit(rows, count=POST_SHAPES_AT_LIMIT):
    """The post shapes slowest at the largest size, at the body limit (about 1 MB), as far as the limits
    accept them (padded with prose), once each."""
    if not count:
        return
    largest = max(row[2] for row in rows if row[0] == "post dialect")
    slowest = sorted(
        (row for row in rows if row[0] == "post dialect" and row[2] == largest), key=lambda row: -row[3]
    )
    builds = {shape: build for parser, shape, build, _run in CASES if parser == "post dialect"}
    limits = blog_conf.render_limits()
    length = limits.max_length
    filler = prose(random.Random(13), length)
    print(
        f"  the {count} slowest post shapes at {largest:,} characters, at {length:,} as far as limits accept:"
    )
    worst = 0.0
    for _parser, shape, _size, _seconds, _ratio in slowest[:count]:
        text = within_limits(builds[shape](length)[:length], filler, lambda value: over_length(value, limits))
        rendering = render_post(text, SOURCES, limits)
        seconds = timed(lambda value: render_post(value, SOURCES, limits), text, repeats=1)
        worst = max(worst, seconds)
        note = f"  ({rendering.errors[0][:60]}…)" if rendering.errors else ""
        print(f"    {shape:32} {seconds:6.2f} s{note}", flush=True)
    print(f"    the slowest: {worst:.2f} s")


def admin_save(client, author):
    print("\nWhole admin saves (add, then change, through the admin form):")
    bodies = {
        "1 MB post": one_megabyte_post()[0],
        "200 KB of footnote references": "[^a] " * 40_000 + "\n\n[^a]: the note\n",
        "20,000 unknown keys": " ".join(f"[@k{n}]" for n in range(20_000)),
        "a citation of 20,000 keys": "[" + "; ".join(f"@k{n}" for n in range(20_000)) + "]",
        "200 KB of headings": "# a\n" * 50_000,
    }
    for number, (name, body) in enumerate(bodies.items()):
        data = {
            "title": name,
            "slug": f"hostile-{number}",
            "summary": "",
            "body": body,
            "status": "draft",
            "publish_at_0": "2026-01-02",
            "publish_at_1": "09:00:00",
            "author": author.pk,
        }
        start = time.perf_counter()
        response = client.post(reverse("admin:blog_post_add"), data)
        added = time.perf_counter() - start
        outcome = "saved" if response.status_code == 302 else f"form error ({response.status_code})"
        line = f"  {name:32} {len(body):>9,} chars: add {added:.2f} s, {outcome}"
        if response.status_code == 302:
            from blog.models import Post

            post = Post.objects.get(slug=f"hostile-{number}")
            data["body"] = body + "\n\nOne more paragraph."
            start = time.perf_counter()
            response = client.post(reverse("admin:blog_post_change", args=[post.pk]), data)
            line += f"; change {time.perf_counter() - start:.2f} s ({response.status_code})"
        print(line, flush=True)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth import get_user_model

        from blog.models import Post
        from tests.factories import make_post, make_source

        author = get_user_model().objects.create_superuser("bench", "bench@example.org", "unused")
        client = Client()
        client.force_login(author)
        make_post(title="Arms depots", body="Arms depots across the country. " * 1_000)
        for key in SOURCES:
            make_source(key=key)
        cases = CASES + search_cases(client) + imported_cases()
        print(f"{len(cases)} hostile cases on {connection.vendor}, sizes {SIZES} (comments {COMMENT_SIZES}):")
        rows = run_cases(cases)
        report_worst(rows)
        check_targets(rows)
        admin_save(client, author)
        Post.objects.all().delete()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
