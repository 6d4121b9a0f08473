"""Writes of the desk: sources from metadata, drafts from captured passages."""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from blog.models import Post
from blog.services import post_save_with_body
from capture import conf, fetch, snapshots, tasks
from capture.metadata import Metadata, read_metadata
from citations.keys import cite_key
from citations.models import Source

# Characters the dialect (or Markdown) reads as markup in quoted text; escaped, they stay words
# (&, < and > as entities: Markdown has no backslash escape for <).
MARKUP = re.compile(r"([\\`*_\[\]@#~^])")
ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# A quoted paragraph beginning "- ", "+ " or "1. " is words, not a list.
LIST_START = re.compile(r"^(?:[-+]|\d+[.)])(?=\s)")


@dataclass
class Captured:
    post: Post
    source: Source
    created_source: bool
    problem: str = ""


def url_variants(*urls):
    """Addresses a library entry for these pages could have: no fragment, with and without a final /."""
    found = set()
    for url in filter(None, urls):
        parts = urlsplit(url.strip())
        bare = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        found |= {bare, bare.rstrip("/"), bare.rstrip("/") + "/"} if not parts.query else {bare}
    return found - {""}


def find_source(metadata: Metadata, *urls) -> Source | None:
    """The library's entry for this work: by DOI, else by its address, canonical address or ISBN."""
    if metadata.doi and (source := Source.objects.filter(doi__iexact=metadata.doi).first()):
        return source
    variants = url_variants(metadata.url, *urls)
    if variants and (source := Source.objects.filter(url__in=variants).order_by("pk").first()):
        return source
    if metadata.isbn:
        return Source.objects.filter(Q(isbn=metadata.isbn) | Q(isbn=metadata.isbn.replace("-", ""))).first()
    return None


def fresh_key(metadata: Metadata) -> str:
    """A citation key such as ``hinshaw2013``: first author's family name (or a title word) and year,
    then a, b, c… past the keys already taken."""
    first = metadata.authors[0] if metadata.authors else {}
    stem = (
        first.get("family")
        or first.get("literal")
        or next((word for word in (metadata.title or "").split() if len(word) > 3), "source")
    )
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    base = (re.sub(r"[^a-z0-9]", "", ascii_stem)[:40] or "source") + (
        str(metadata.issued[0]) if metadata.issued else ""
    )
    taken = set(Source.objects.filter(key__startswith=base).values_list("key", flat=True))
    if base not in taken:
        return base
    for index in range(1, 26 * 27):
        suffix = chr(96 + index) if index <= 26 else chr(96 + (index - 1) // 26) + chr(97 + (index - 1) % 26)
        if f"{base}{suffix}" not in taken:
            return f"{base}{suffix}"
    return f"{base}-{Source.objects.count()}"


def create_source(metadata: Metadata, *, user=None) -> Source:
    """A new library entry from ``metadata`` (validated as the admin validates it), with a fresh key."""
    year, month, day = (*metadata.issued, None, None, None)[:3]
    source = Source(
        key=fresh_key(metadata),
        type=metadata.type if metadata.type in Source.Type.values else Source.Type.WEBPAGE,
        title=(metadata.title or metadata.url or "Untitled")[:500],
        authors=[name for name in metadata.authors if any(name.values())],
        container_title=metadata.container_title[:500],
        publisher=metadata.publisher[:300],
        publisher_place=metadata.publisher_place[:200],
        issued_year=year,
        issued_month=month,
        issued_day=day,
        url=metadata.url[:1000],
        doi=metadata.doi[:200],
        isbn=metadata.isbn[:50],
        volume=metadata.volume[:50],
        issue=metadata.issue[:50],
        page=metadata.page[:50],
        accessed=timezone.localdate() if metadata.url else None,
        added_by=user,
    )
    if metadata.language:
        source.csl = {"language": metadata.language}
    try:
        source.full_clean()
    except ValidationError as error:
        # A page's metadata may be wrong (an impossible date, a name the library cannot read):
        # those fields are left for the author to fill in.
        fields = {field.name for field in Source._meta.get_fields()} - {"key", "title"}
        for name in fields & error.message_dict.keys():
            setattr(source, name, Source._meta.get_field(name).get_default())
        source.full_clean()
    source.save()
    return source


def excerpt_body(passage: str, key: str) -> str:
    """The dialect's excerpt of ``passage`` attributed to ``key``; without a passage, a citation alone."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", passage or "") if p.strip()]
    if not paragraphs:
        return f"[{cite_key(key)}]\n"
    quoted = "\n>\n".join(
        "> "
        + LIST_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], MARKUP.sub(r"\\\1", p.translate(ENTITIES)))
        for p in paragraphs
    )
    return f"{quoted}\n>\n> — [{cite_key(key)}]\n"


def unique_slug(title: str) -> str:
    base = slugify(title, allow_unicode=True)[:180].strip("-") or "draft"
    taken = set(Post.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidates = [base, *(f"{base}-{number}" for number in range(2, len(taken) + 2))]
    return next(slug for slug in candidates if slug not in taken)


def capture_page(*, url: str, passage: str = "", title: str = "", user) -> Captured:
    """A draft by ``user`` quoting ``passage`` from the page at ``url``, attributed to its library entry.

    The page is fetched and read; its entry is found (by DOI, address or
    canonical address) or made, and a snapshot kept. A page that cannot be
    fetched still gives a draft and an entry with what is known (the address,
    ``title``), and ``Captured.problem`` says why.
    """
    problem, response = "", None
    try:
        response = fetch.fetch(url)
        found = read_metadata(response.text(), response.url)
    except fetch.FetchError as error:
        problem, found = str(error), Metadata(url=url, type=Source.Type.WEBPAGE)
    found.update_missing(Metadata(title=" ".join(title.split())))
    # The fetch is done before the transaction, which it would otherwise hold open.
    with transaction.atomic():
        return record_capture(
            found, response, url=url, passage=passage, title=title, user=user, problem=problem
        )


def record_capture(found, response, *, url, passage, title, user, problem) -> Captured:
    """The writes of ``capture_page``: the source found or made, its snapshot, the draft."""
    source = find_source(found, url, response.url if response else "")
    created = source is None
    if created:
        source = create_source(found, user=user)
    if response is not None and not source.snapshots.exists():
        snapshots.keep_snapshot(source, response)
        if conf.get("ARCHIVE_SAVE"):
            tasks.archive_source.enqueue(source.pk)
    post = Post(
        title=(source.title if created or not title else title)[:300],
        author=user,
        status=Post.Status.DRAFT,
        body=excerpt_body(passage, source.key),
    )
    post.slug = unique_slug(post.title)
    post_save_with_body(post=post, user=user, note="Captured from a page.")
    return Captured(post, source, created, problem)
