"""What search engines and link previews read: absolute URLs and JSON-LD."""

import html as html_entities
import re

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator

from blog.rendering import without_sidenotes

# Footnote references and the notes themselves make no sense out of context.
_NOTES = re.compile(r"<sup\b[^>]*>.*?</sup>|<section class=\"footnotes\".*?</section>", re.DOTALL)


def opening_words(html, words=60):
    """The opening words of a rendered post as plain text."""
    first = without_sidenotes(html).split("</p>", 1)[0]
    text = html_entities.unescape(strip_tags(_NOTES.sub("", first)))
    return Truncator(" ".join(text.split())).words(int(words))


def absolute_url(path):
    """``path`` on the canonical site (``settings.SITE_URL``), not the request's host."""
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def _person(name):
    literal = name.get("literal") or " ".join(filter(None, [name.get("given"), name.get("family")]))
    return {"@type": "Person", "name": literal}


def source_json_ld(source):
    """A cited source as a schema.org ``CreativeWork``."""
    work = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if source.authors:
        work["author"] = [_person(name) for name in source.authors]
    if source.container_title:
        work["isPartOf"] = {"@type": "CreativeWork", "name": source.container_title}
    if source.issued_year:
        parts = [source.issued_year, source.issued_month, source.issued_day]
        work["datePublished"] = "-".join(f"{part:02d}" for part in parts if part)
    return work


def post_description(post, words=40):
    """What a post is about, for meta tags: its summary, or else its opening words."""
    return post.summary or opening_words(post.body_html, words)


def post_json_ld(post):
    """The schema.org ``BlogPosting`` of a post, with a ``citation`` per cited source (stored by save)."""
    author = post.author
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": absolute_url(post.get_absolute_url()),
        "mainEntityOfPage": absolute_url(post.get_absolute_url()),
        "datePublished": post.publish_at.isoformat(),
        "dateModified": post.updated.isoformat(),
        "author": {"@type": "Person", "name": author.get_full_name() or author.get_username()},
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL},
        "keywords": [tag.name for tag in post.tags.all()],
    }
    if post.summary:
        data["description"] = post.summary
    if post.cited_works:
        data["citation"] = post.cited_works
    return data
