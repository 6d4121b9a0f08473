"""Full-text search over published posts.

On PostgreSQL: a weighted ``SearchVector`` over title, summary and body (the
body's Markdown holds the excerpts and asides), matched through a GIN index,
the newest ``BLOG_SEARCH_CANDIDATES`` matches ranked with ``SearchRank``;
the vector is stored in ``Post.search_document`` on save, so a search computes none.
Elsewhere (SQLite): a plain
case-insensitive match. Snippets come back as ``(text, is_match)`` segments
so templates can mark matches without trusting any HTML.

The work per search is bounded: the query is at most ``SEARCH_MAX_LENGTH``
characters, of which the first ``SEARCH_MAX_WORDS`` distinct words are
matched on SQLite, and a snippet is cut from the first
``SNIPPET_SOURCE_CHARS`` characters of a body (a 1 MB post is not parsed
whole for each result).
"""

import re

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Left

from blog import conf

SEARCH_CONFIG = "english"
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 20
SNIPPET_WORDS = 40
SNIPPET_SOURCE_CHARS = 100_000

# Markers that cannot occur in a post, so SearchHeadline's output can be split
# into plain segments and escaped by the template.
_START, _STOP = "\x02", "\x03"
_MARKDOWN_NOISE = re.compile(r"\[[^\]]*@[^\]]*\]|\[\^[^\]]*\]|^\s*>\s?|^\s*—\s*$|[*_`#]", re.MULTILINE)


class SearchForm(forms.Form):
    """The search box: words, "a phrase", or -excluded words."""

    q = forms.CharField(
        label="Search posts",
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": (
                "A search can be at most %(limit_value)d characters long; this one has %(show_value)d."
            )
        },
    )

    def clean_q(self):
        # Control characters mean nothing in a search and PostgreSQL rejects NUL.
        return "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable()).strip()


def post_search_vector():
    """The weighted search vector of a post, stored in ``Post.search_document`` (GIN-indexed)."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


def uses_full_text_search():
    """True when the database is PostgreSQL and full-text search is available."""
    return connection.vendor == "postgresql"


def search_posts(posts, query):
    """The posts in ``posts`` that match ``query``, best first, each with ``headline`` on PostgreSQL.

    On PostgreSQL they are the best of the newest ``BLOG_SEARCH_CANDIDATES``
    matches: all matches of a rarer word.

    ``posts`` is a queryset (already limited to what the reader may see);
    the result is a queryset annotated for the template.
    """
    if uses_full_text_search():
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        # Rank only the newest matches the GIN index finds: ts_rank reads each post's whole
        # vector, so ranking a word found in every post would read the archive.
        candidates = (
            posts.filter(search_document=search_query)
            .order_by("-publish_at", "-pk")
            .values("pk")[: conf.get("SEARCH_CANDIDATES")]
        )
        return (
            posts.filter(pk__in=candidates)
            .annotate(
                rank=SearchRank(F("search_document"), search_query),
                headline=SearchHeadline(
                    Left("body", SNIPPET_SOURCE_CHARS),
                    search_query,
                    config=SEARCH_CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                ),
            )
            .order_by("-rank", "-publish_at", "-pk")
        )
    match = Q()
    for word in query_words(query):
        match &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
    # The snippet is cut from the body here, so read it with the posts rather than one post at a time.
    return posts.filter(match).defer(None).defer("search_document").order_by("-publish_at", "-pk")


def query_words(query):
    """The distinct words of ``query`` that a plain match looks for, at most ``SEARCH_MAX_WORDS``."""
    return list(dict.fromkeys(query.split()))[:SEARCH_MAX_WORDS]


def snippet_segments(post, query):
    """The search snippet of ``post`` as ``[(text, is_match), …]`` segments."""
    headline = getattr(post, "headline", None)
    if headline is None:
        headline = _plain_headline(post.body[:SNIPPET_SOURCE_CHARS], query_words(query))
    headline = _MARKDOWN_NOISE.sub("", headline)
    segments = []
    for index, part in enumerate(re.split(f"[{_START}{_STOP}]", headline)):
        if part:
            segments.append((part, index % 2 == 1))
    return segments


def _plain_headline(text, words, width=120):
    """A window of ``text`` around the first of ``words`` found, matches marked."""
    lowered = text.lower()
    found = [lowered.find(word.lower()) for word in words if word and word.lower() in lowered]
    start = max(min(found) - width, 0) if found else 0
    window = text[start : start + 2 * width + 80]
    if start:
        window = "…" + window.split(" ", 1)[-1]
    if start + 2 * width + 80 < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    if alternatives:
        window = re.sub(f"({alternatives})", f"{_START}\\1{_STOP}", window, flags=re.IGNORECASE)
    return window
