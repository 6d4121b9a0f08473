"""What search engines and link previews read: absolute URLs and JSON-LD."""

import html as html_entities
import re

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from blog.rendering import without_sidenotes

# Footnote references, the notes themselves, the contents and § links make no sense out of context.
_NOTES = re.compile(
    r"<sup\b[^>]*>.*?</sup>|<section class=\"footnotes\".*?</section>|<nav [^>]*class=\"toc\".*?</nav>"
    r"|<a [^>]*class=\"heading-anchor\"[^>]*>§</a>",
    re.DOTALL,
)


def opening_words(html, words=60):
    """The opening words of a rendered post as plain text."""
    first = without_sidenotes(html).split("</p>", 1)[0]
    text = html_entities.unescape(strip_tags(_NOTES.sub("", first)))
    return Truncator(" ".join(text.split())).words(int(words))


def absolute_url(path):
    """``path`` on the canonical site (``settings.SITE_URL``), not the request's host."""
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


# schema.org types for CSL types; anything else is a CreativeWork.
SCHEMA_TYPES = {
    "article-journal": "ScholarlyArticle",
    "paper-conference": "ScholarlyArticle",
    "article-newspaper": "NewsArticle",
    "article-magazine": "Article",
    "book": "Book",
    "chapter": "Chapter",
    "report": "Report",
    "thesis": "Thesis",
    "webpage": "WebPage",
    "post-weblog": "BlogPosting",
    "legislation": "Legislation",
    "dataset": "Dataset",
    "motion_picture": "Movie",
    "broadcast": "Episode",
    "song": "MusicRecording",
}
# What holds a work of each type, when the record names it.
CONTAINER_TYPES = {
    "article-journal": "Periodical",
    "article-newspaper": "Newspaper",
    "article-magazine": "Periodical",
    "chapter": "Book",
    "post-weblog": "Blog",
    "webpage": "WebSite",
}


def agent(name):
    """A CSL name as a schema.org ``Person``, or an ``Organization`` for a name given only whole.

    CSL (and Zotero) write an institution as one literal name and a person
    as given and family names.
    """
    if not isinstance(name, dict):
        return {"@type": "Person", "name": str(name)}
    if name.get("literal") and not name.get("family"):
        return {"@type": "Organization", "name": name["literal"]}
    family = " ".join(filter(None, [name.get("non-dropping-particle"), name.get("family")]))
    person = {"@type": "Person", "name": " ".join(filter(None, [name.get("given"), family]))}
    if name.get("given"):
        person["givenName"] = name["given"]
    if family:
        person["familyName"] = family
    return person


def source_json_ld(source):
    """A cited source as a schema.org work of its type, with its DOI as identifier and ``sameAs``."""
    kind = source.type
    work = {"@type": SCHEMA_TYPES.get(kind, "CreativeWork"), "name": source.title_text}
    if source.url:
        work["url"] = source.url
    if source.authors:
        work["author"] = [agent(name) for name in source.authors]
    if source.editors:
        work["editor"] = [agent(name) for name in source.editors]
    if source.container_title:
        work["isPartOf"] = {
            "@type": CONTAINER_TYPES.get(kind, "CreativeWork"),
            "name": source.container_title,
        }
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.issued_year:
        parts = [source.issued_year, source.issued_month, source.issued_day]
        work["datePublished"] = "-".join(f"{part:02d}" for part in parts if part)
    if source.doi:
        doi = source.doi.split("doi.org/", 1)[-1].removeprefix("doi:").strip()
        work["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": doi}
        work["sameAs"] = f"https://doi.org/{doi}"
    if source.isbn:
        work["isbn"] = source.isbn
    if source.page:
        work["pagination"] = source.page
    return work


def post_description(post, words=40):
    """What a post is about, for meta tags: its summary, or else its opening words."""
    return post.summary or opening_words(post.body_html, words)


def post_json_ld(post):
    """The schema.org ``BlogPosting`` of a post, with a ``citation`` per cited source (stored by save)."""
    author = post.author
    url = absolute_url(post.get_absolute_url())
    site = absolute_url("/")
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "identifier": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": post.title,
        "name": post.title,
        "inLanguage": "en",
        "datePublished": post.publish_at.isoformat(),
        "dateModified": post.updated.isoformat(),
        "author": {
            "@type": "Person",
            "name": author.get_full_name() or author.get_username(),
            "url": absolute_url(reverse("blog:author_detail", kwargs={"username": author.get_username()})),
        },
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": site},
        "isPartOf": {"@type": "Blog", "@id": site, "name": settings.SITE_NAME, "url": site},
        "keywords": [tag.name for tag in post.tags.all()],
        "wordCount": post.word_count,
    }
    if post.summary:
        data["description"] = post.summary
    if post.cited_works:
        data["citation"] = post.cited_works
    return data
