"""WordPress embeds as titled link cards (pure functions).

WordPress turns a URL alone on its line (or alone in a paragraph) into the
player of a known oEmbed provider, and a URL it knows no provider for into a
link; the block editor writes ``<figure class="wp-block-embed">`` with the URL
in a wrapper ``<div>`` and a ``<figcaption>``; shortcodes (``[embed]``,
``[youtube]``, ``[vimeo]``, ``[tweet]``, ``[wpvideo]``, ``[audio]``, ``[video]``) and raw
``<iframe>``, ``<video>`` and ``<audio>`` do the same. Here each becomes a
link whose text names the provider and the caption or title — "YouTube video:
A talk" — never an iframe: the reader policy allows none, and a player would
load a third party's scripts on every page.

``mark`` finds the bare URLs in the HTML (before it is parsed, while lines
still show); it and the shortcodes leave ``<wp-embed url=… caption=…>``
elements, which ``cards`` turns, with the other embeds, into links in the tree.
"""

import re
from bisect import bisect_right
from html import escape, unescape
from os.path import basename
from urllib.parse import unquote, urlsplit

from importing.htmltree import Element

# Providers WordPress's oEmbed list knows, by host (``www.`` and ``m.`` removed), with what they hold.
PROVIDERS = {
    "youtube.com": "YouTube video", "youtu.be": "YouTube video", "vimeo.com": "Vimeo video",
    "twitter.com": "Post on X (Twitter)", "x.com": "Post on X (Twitter)",
    "dailymotion.com": "Dailymotion video",
    "dai.ly": "Dailymotion video", "soundcloud.com": "SoundCloud audio", "open.spotify.com": "Spotify",
    "flickr.com": "Flickr photo", "flic.kr": "Flickr photo", "instagram.com": "Instagram post",
    "facebook.com": "Facebook post", "ted.com": "TED talk", "slideshare.net": "SlideShare slides",
    "speakerdeck.com": "Speaker Deck slides", "mixcloud.com": "Mixcloud audio", "tiktok.com": "TikTok video",
    "reddit.com": "Reddit post", "tumblr.com": "Tumblr post", "imgur.com": "Imgur image",
    "scribd.com": "Scribd document", "wordpress.tv": "WordPress.tv video",
    "videopress.com": "VideoPress video",
    "kickstarter.com": "Kickstarter project", "issuu.com": "Issuu publication", "bsky.app": "Bluesky post",
    "pinterest.com": "Pinterest pin", "player.vimeo.com": "Vimeo video", "mastodon.social": "Mastodon post",
}  # fmt: skip
MEDIA = {"audio": "Audio", "video": "Video"}
# The player addresses iframes point at, rewritten to the page a reader can open.
PLAYERS = [
    (re.compile(r"^https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{11})"), "https://www.youtube.com/watch?v={}"),
    (re.compile(r"^https?://player\.vimeo\.com/video/(\d+)"), "https://vimeo.com/{}"),
]  # fmt: skip
# WordPress's own patterns (``WP_Embed::autoembed``): a URL alone on a line, or alone in a paragraph.
OWN_LINE = re.compile(r"^([ \t]*)(https?://[^\s<>\"]+)([ \t]*)$", re.MULTILINE)
OWN_PARAGRAPH = re.compile(r"(<p(?: [^>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE)
# Code, scripts and comments WordPress's autoembed would not touch (code shortcodes are ``<pre>`` by now).
UNTOUCHED = re.compile(r"<(pre|code|script|style)\b.*?</\1>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
SHORTCODES = {
    "embed": "", "audio": "", "video": "", "soundcloud": "", "youtube": "https://www.youtube.com/watch?v={}",
    "vimeo": "https://vimeo.com/{}", "tweet": "https://twitter.com/i/status/{}",
    "dailymotion": "https://www.dailymotion.com/video/{}", "videopress": "https://videopress.com/v/{}",
    "wpvideo": "https://videopress.com/v/{}",
}  # fmt: skip
SOURCE_ATTRIBUTES = ("url", "src", "tweet", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv", "id")


def provider(url: str) -> str:
    """What a known oEmbed provider holds at ``url`` ("YouTube video"), or "" for any other address."""
    host = (urlsplit(url).hostname or "").lower()
    host = re.sub(r"^(?:www|m|mobile)\.", "", host)
    while host:
        if host in PROVIDERS:
            return PROVIDERS[host]
        host = host.partition(".")[2] if host.count(".") > 1 else ""
    return ""


def element(url: str, caption: str = "", kind: str = "") -> str:
    """The ``<wp-embed>`` placeholder ``cards`` reads, as HTML."""
    return f'<wp-embed url="{escape(url)}" caption="{escape(caption)}" kind="{escape(kind)}"></wp-embed>'


def mark(html: str) -> str:
    """``html`` with each URL WordPress auto-embeds (alone on its line or paragraph) as ``<wp-embed>``."""
    for pattern in (OWN_PARAGRAPH, OWN_LINE):
        spans = [match.span() for match in UNTOUCHED.finditer(html)]
        starts, ends = [start for start, _ in spans], [end for _, end in spans]

        def replace(match, starts=starts, ends=ends):
            index = bisect_right(starts, match.start(2)) - 1
            if index >= 0 and match.start(2) < ends[index]:
                return match[0]
            return match[1] + element(unescape(match[2])) + match[3]

        html = pattern.sub(replace, html)
    return html


def shortcode(name: str, attrs_text: str, attrs: dict, content: str | None) -> str:
    """The ``<wp-embed>`` for an embedding shortcode, or "" when it names nothing to link to.

    The address is in an attribute, first after the name (``[youtube=URL]``, ``[vimeo 123]``: an
    ID the provider's address is made from) or the content (``[embed]URL[/embed]``).
    """
    positional = attrs_text.strip().lstrip("=").split()
    candidates = [attrs.get(key, "") for key in SOURCE_ATTRIBUTES] + positional[:1] + [content or ""]
    for value in (unescape(candidate).strip() for candidate in candidates):
        if urlsplit(value).scheme in ("http", "https") and not re.search(r"\s", value):
            url = value
            break
        if SHORTCODES[name] and re.fullmatch(r"[\w-]+", value):
            url = SHORTCODES[name].format(value)
            break
    else:
        return ""
    caption = attrs.get("caption") or attrs.get("title", "")
    return element(url, caption, name if name in MEDIA else "")


def _card(url: str, title: list | str = "", kind: str = "") -> Element:
    """A link to ``url`` whose text names what it holds, then the title: "YouTube video: A talk"."""
    for pattern, page in PLAYERS:
        if match := pattern.match(url):
            url = page.format(match[1])
    label = provider(url) or MEDIA.get(kind, "")
    title = [title] if isinstance(title, str) else title
    if not "".join(node if isinstance(node, str) else node.text() for node in title).strip():
        title = [unquote(basename(urlsplit(url).path))] if kind in MEDIA else []
    if not label:
        return Element("a", {"href": url}, title or [url])
    return Element("a", {"href": url}, [f"{label}: ", *title] if title else [label])


def _caption(figure: Element) -> list:
    """The figure's caption, less the line breaks the editor leaves at its ends (``YouTube<br>``)."""
    caption = next((child.children for child in figure.iter() if child.tag == "figcaption"), [])
    edges = [
        index for index, node in enumerate(caption) if getattr(node, "tag", "") != "br" and str(node).strip()
    ]
    return caption[edges[0] : edges[-1] + 1] if edges else []


def _figure(figure: Element) -> Element | None:
    """The card for a block editor's embed, video or audio figure, its caption beside a link it holds."""
    classes = figure.attrs.get("class", "").split()
    if not {"wp-block-embed", "wp-block-video", "wp-block-audio"} & set(classes):
        return None
    source = next(
        (
            node
            for node in figure.iter()
            if node.tag in ("wp-embed", "video", "audio", "iframe", "source", "a")
        ),
        None,
    )
    url = (
        (source.attrs.get("url") or source.attrs.get("src") or source.attrs.get("href", "")) if source else ""
    )
    if not url:
        wrapper = next((node for node in figure.iter() if node.tag == "div"), figure)
        url = wrapper.text().strip() if re.match(r"^https?://\S+$", wrapper.text().strip()) else ""
    if not url.startswith(("http://", "https://")):  # a card links to the web only, never javascript:
        return None
    kind = "video" if "wp-block-video" in classes else "audio" if "wp-block-audio" in classes else ""
    caption = _caption(figure)
    if any(node.tag == "a" for item in caption if isinstance(item, Element) for node in item.iter()):
        return Element("p", children=[_card(url, kind=kind), " — ", *caption])  # a link holds no link
    return Element("p", children=[_card(url, caption, kind)])


def cards(element: Element) -> None:
    """Replace the embeds under ``element`` (placeholders, figures, players) with link cards, in place."""
    children = []
    for child in element.children:
        if not isinstance(child, Element):
            children.append(child)
        elif child.tag == "figure" and (card := _figure(child)):
            children.append(card)
        elif child.tag == "wp-embed":
            children.append(
                _card(child.attrs.get("url", ""), child.attrs.get("caption", ""), child.attrs.get("kind", ""))
            )
        elif child.tag in ("iframe", "video", "audio", "embed") and (src := _source(child)):
            title = child.attrs.get("title", "")
            children.append(_card(src, title, child.tag if child.tag in MEDIA else ""))
        else:
            cards(child)
            children.append(child)
    element.children = children


def _source(player: Element) -> str:
    src = player.attrs.get("src") or next(
        (node.attrs["src"] for node in player.iter() if node.attrs.get("src")), ""
    )
    return src if src.startswith(("http://", "https://")) else ""
