"""Block-editor blocks whose content lives only in their comment's attributes (pure functions).

Most blocks save their HTML between ``<!-- wp:name -->`` and ``<!-- /wp:name -->``,
and the comments are dropped when the HTML is read. A self-closing block,
``<!-- wp:social-link {"url":"…","service":"mastodon"} /-->``, saves none:
WordPress renders it from the JSON attributes on display. ``expand`` writes
the HTML for those whose attributes hold links (social links, navigation
links, embeds, buttons, files, feeds) after their comment, and names every
other self-closing block that shows something in the item's problems: dynamic
blocks (latest posts, archives, calendars…) are lists WordPress fills in on
display, and a reusable block's content is another item of the export.
"""

import json
import re
from html import escape
from urllib.parse import urlsplit

from wordpress import embeds

# A self-closing block comment; the attributes end at the comment's first "-->" (WordPress escapes
# "--" inside them), so each comment is read once.
SELF_CLOSING = re.compile(
    r"<!--\s+wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+((?:(?!-->).)*?)/-->", re.DOTALL
)
# Self-closing blocks that show nothing a post loses: space, a rule, the footnotes list (read from
# the post's meta), page breaks.
NOTHING_LOST = {"spacer", "separator", "footnotes", "nextpage", "more"}
SERVICES = {
    "x": "X", "github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn", "youtube": "YouTube",
    "wordpress": "WordPress", "tiktok": "TikTok", "mail": "Email", "feed": "RSS Feed", "chain": "Link",
    "soundcloud": "SoundCloud", "deviantart": "DeviantArt", "dribbble": "Dribbble", "fivehundredpx": "500px",
    "lastfm": "Last.fm", "google": "Google", "meetup": "Meetup", "bluesky": "Bluesky", "threads": "Threads",
}  # fmt: skip


def expand(html: str, problems: list) -> str:
    """``html`` with each self-closing block's HTML after its comment; ``problems`` names the others."""
    if "/-->" not in html:
        return html
    skipped = {}

    def replace(match):
        name, attrs = match[1].removeprefix("core/"), _attributes(match[2])
        written = _html(name, attrs)
        if written is None:
            if name not in NOTHING_LOST:
                skipped[name] = skipped.get(name, 0) + 1
            return match[0]
        return match[0] + written

    html = SELF_CLOSING.sub(replace, html)
    for name, number in skipped.items():
        times = f" ({number} of them)" if number > 1 else ""
        if name == "block":
            problems.append(f"reusable block (wp:block){times} not imported: its content is another item")
        else:
            problems.append(f"block wp:{name}{times} not imported: WordPress renders it on display")
    return html


def _attributes(text: str) -> dict:
    text = text.strip()
    if not text:
        return {}
    try:
        attrs = json.loads(text)
    except ValueError:
        return {}
    return attrs if isinstance(attrs, dict) else {}


def _text(attrs: dict, name: str) -> str:
    value = attrs.get(name)
    return value.strip() if isinstance(value, str) else ""


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text or url)}</a>'


def _html(name: str, attrs: dict) -> str | None:
    """The HTML a self-closing block shows, or ``None`` when it shows nothing this site can keep."""
    url = _text(attrs, "url")
    if name == "social-link" and url:
        service = _text(attrs, "service")
        label = _text(attrs, "label") or SERVICES.get(service) or service.replace("-", " ").title() or url
        if service == "mail" and "@" in url and not urlsplit(url).scheme:
            url = f"mailto:{url}"
        return f"<li>{_link(url, label)}</li>"
    if name in ("navigation-link", "navigation-submenu", "home-link") and (url or name == "home-link"):
        return f"<li>{_link(url or '/', _text(attrs, 'label') or 'Home')}</li>"
    if name == "embed" and url:
        return embeds.element(url, _text(attrs, "caption"))
    if name == "button" and url:
        return f"<p>{_link(url, _text(attrs, 'text'))}</p>"
    if name == "file" and (href := _text(attrs, "href")):
        return f"<p>{_link(href, _text(attrs, 'fileName'))}</p>"
    if name == "rss" and (feed := _text(attrs, "feedURL")):
        return f"<p>{_link(feed, 'Feed: ' + feed)}</p>"
    return None
