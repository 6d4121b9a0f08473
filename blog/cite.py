"""A post as a work readers can cite: its CSL-JSON item, its entry in the site's style, its files, its tags.

The item is a ``post-weblog``: the author, the title, the site as the blog it
appears in, the date published and the canonical address. Every format and
the visible "Cite this post" come from that one item, so they agree. Pure
functions of a post whose author is loaded: no queries.
"""

from django.conf import settings
from django.utils import timezone

from blog.seo import absolute_url
from citations import formats
from citations.styles import get_style

# The files a post offers, by the extension in their address: (format, content type, label).
DOWNLOADS = {
    "bib": ("bibtex", "application/x-bibtex", "BibTeX"),
    "json": ("csl-json", "application/vnd.citationstyles.csl+json", "CSL-JSON"),
    "ris": ("ris", "application/x-research-info-systems", "RIS"),
}


def author_name(user):
    """A user as a CSL name: given and family names when the account has them, else the username."""
    if user.last_name:
        return {"family": user.last_name, **({"given": user.first_name} if user.first_name else {})}
    return {"literal": user.get_full_name() or user.get_username()}


def post_csl(post):
    """The post as a CSL-JSON item."""
    published = timezone.localdate(post.publish_at)
    item = {
        "id": post.slug,
        "type": "post-weblog",
        "title": post.title,
        "author": [author_name(post.author)],
        "container-title": settings.SITE_NAME,
        "issued": {"date-parts": [[published.year, published.month, published.day]]},
        "URL": absolute_url(post.get_absolute_url()),
    }
    if post.summary:
        item["abstract"] = post.summary
    return item


def citation_html(post):
    """The post's bibliography entry in the site's citation style (safe HTML)."""
    return get_style().bibliography(post_csl(post))


def citation_file(post, extension):
    """``(text, content type, file name)`` of the post's citation file for ``extension``."""
    fmt, content_type, _label = DOWNLOADS[extension]
    return formats.write([post_csl(post)], fmt), content_type, f"{post.slug}.{extension}"


def downloads(post):
    """``(label, url)`` of each citation file, for the page."""
    return [(label, post.get_cite_url(extension)) for extension, (_f, _t, label) in DOWNLOADS.items()]


def meta_tags(post):
    """``(name, content)`` of the ``citation_*`` meta tags reference managers and Google Scholar read."""
    item = post_csl(post)
    published = timezone.localdate(post.publish_at).strftime("%Y/%m/%d")
    names = [
        name.get("literal") or ", ".join(filter(None, [name.get("family"), name.get("given")]))
        for name in item["author"]
    ]
    return [
        ("citation_title", item["title"]),
        *(("citation_author", name) for name in names),
        ("citation_publication_date", published),
        ("citation_online_date", published),
        ("citation_publisher", settings.SITE_NAME),
        ("citation_language", "en"),
        ("citation_public_url", item["URL"]),
        ("citation_fulltext_html_url", item["URL"]),
    ]
