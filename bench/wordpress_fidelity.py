"""How faithfully an export was imported: ``python bench/wordpress_fidelity.py EXPORT.xml [--import]``.

Renders each post and page of the export as WordPress showed it — block
content as saved, classic content through ``wpautop`` (``bench.wpautop``),
the built-in shortcodes expanded as WordPress's (``[caption]``, ``[gallery]``,
``[embed]``, ``[audio]``, ``[video]``) and SyntaxHighlighter's code
shortcodes as ``<pre>``, URLs alone on their line as embeds when an oEmbed
provider serves them — and compares it with the imported page's body as
readers get it (``body_html``): words lost and gained (each a multiset of
words), images, links, lists, code blocks and embeds, per post, as a table.
Unknown shortcodes stay text, as in WordPress without their plugin.

``--import`` imports the export first (into ``DATABASE_URL``'s database:
use a scratch one); otherwise the items of an earlier import are compared.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

from bench.wpautop import shortcode_unautop, wpautop  # noqa: E402

WORD = re.compile(r"\w+", re.UNICODE)
# Where words end whatever the text: block elements, line breaks and replaced elements.
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
    "figure", "figcaption", "table", "tr", "td", "th", "br", "hr", "section", "article", "header", "footer",
    "nav", "aside", "img", "iframe", "video", "audio", "details", "summary",
}  # fmt: skip
SHORTCODE = re.compile(
    r"(?<!\[)\[([a-z][\w-]*)\b([^\]]*?)/?\](?:(.*?)\[/\1\])?(?!\])", re.DOTALL | re.IGNORECASE
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
MEDIA_FILE = re.compile(r"^https?://.+?\.(?:mp3|ogg|flac|m4a|wav|mp4|m4v|webm|ogv|flv)$", re.IGNORECASE)
OWN_LINE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
# WordPress's oEmbed providers (class-wp-oembed.php), by host; the ones posts name in practice.
OEMBED_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com", "dailymotion.com", "dai.ly",
    "soundcloud.com", "spotify.com", "flickr.com", "flic.kr", "instagram.com", "facebook.com", "ted.com",
    "slideshare.net", "speakerdeck.com", "mixcloud.com", "tiktok.com", "reddit.com", "tumblr.com",
    "imgur.com", "scribd.com", "wordpress.tv", "videopress.com", "kickstarter.com", "issuu.com",
    "pinterest.com", "amazon.com", "smugmug.com", "crowdsignal.com", "cloudup.com", "animoto.com",
)  # fmt: skip
# Jetpack's embed shortcodes, registered on every WordPress.com site: where an ID leads.
JETPACK_EMBEDS = {
    "youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}",
    "tweet": "https://twitter.com/i/status/{}", "dailymotion": "https://www.dailymotion.com/video/{}",
    "soundcloud": "{}", "wpvideo": "https://videopress.com/v/{}", "videopress": "https://videopress.com/v/{}",
}  # fmt: skip
HIDDEN = ("trash", "auto-draft")
REGISTERED = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
CODE_SHORTCODES = {"code", "sourcecode"}
CODE_LANGUAGES = {
    "bash", "shell", "c", "cpp", "csharp", "c-sharp", "css", "diff", "go", "java", "js", "javascript",
    "perl", "php", "plain", "text", "py", "python", "ruby", "rb", "sql", "xml", "html", "yaml", "powershell",
}  # fmt: skip
# What the importer's link cards start with (``wordpress.embeds``): "YouTube video: …", "Audio: …".
CARD = re.compile(
    r"^(?:YouTube video|Vimeo video|Post on X \(Twitter\)|Dailymotion video|SoundCloud audio|Spotify"
    r"|Flickr photo|Instagram post|Facebook post|TED talk|SlideShare slides|Speaker Deck slides"
    r"|Mixcloud audio|TikTok video|Reddit post|Tumblr post|Imgur image|Scribd document|WordPress\.tv video"
    r"|VideoPress video|Kickstarter project|Issuu publication|Bluesky post|Pinterest pin|Mastodon post"
    r"|Audio|Video)(?=:|$)"
)


def _attributes(text: str) -> dict:
    return {
        match[1].lower(): next(v for v in match.groups()[1:] if v is not None)
        for match in ATTRIBUTE.finditer(text)
    }


def is_oembed(url: str) -> bool:
    """Whether WordPress embeds ``url`` alone on its line: an oEmbed provider's, or an audio or video
    file (``wp_embed_handler_audio`` and ``_video``)."""
    if MEDIA_FILE.match(url):
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == known or host.endswith("." + known) for known in OEMBED_HOSTS)


def autoembed(html: str) -> str:
    """``WP_Embed::autoembed``: a provider's URL alone on its line becomes its player."""
    return OWN_LINE_URL.sub(
        lambda match: f'<iframe src="{match[1]}"></iframe>' if is_oembed(match[1]) else match[0], html
    )


def expand_shortcodes(html: str, attachments: dict, post_id: int) -> str:
    """The shortcodes WordPress and SyntaxHighlighter register, as the HTML they write."""

    def one(match):
        name, attrs, content = match[1].lower(), _attributes(match[2]), match[3] or ""
        if name in ("caption", "wp_caption"):
            caption = attrs.get("caption") or re.sub(
                r"^.*?<img[^>]*>(?:\s*</a>)?", "", content, flags=re.DOTALL
            )
            image = re.search(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", content)
            return f"<figure>{image[0] if image else ''}<figcaption>{caption}</figcaption></figure>"
        if name == "gallery":
            ids = [int(i) for i in re.findall(r"\d+", attrs.get("ids", "") or attrs.get("include", ""))]
            ids = ids or [i for i, item in attachments.items() if item.parent == post_id]
            figures = [
                f'<figure><img src="{attachments[i].url}" alt="{attachments[i].alt}">'
                f"<figcaption>{attachments[i].caption}</figcaption></figure>"
                for i in ids
                if i in attachments
            ]
            return "<div>" + "".join(figures) + "</div>"
        if name in ("embed", "audio", "video"):
            positional = re.match(r"\s*(https?://[^\s\]]+)", match[2])
            url = content.strip() or (positional[1] if positional else "") or next(
                (attrs[key] for key in ("src", "url", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv")
                 if key in attrs), ""
            )  # fmt: skip
            tag = {"embed": "iframe"}.get(name, name)
            return f'<{tag} src="{url}"></{tag}>' if url else ""
        if name in JETPACK_EMBEDS:
            # Jetpack's (and WordPress.com's): [youtube=URL&w=560], [youtube URL], [vimeo 123], [tweet ID].
            value = next(iter(re.findall(r"https?://[^\s\]&]+", match[2])), "") or match[2].strip(" ='\"")
            url = (
                value
                if value.startswith("http")
                else JETPACK_EMBEDS[name].format(value.split()[0] if value else "")
            )
            return f'<iframe src="{url}"></iframe>' if value else ""
        if name in CODE_SHORTCODES or name in CODE_LANGUAGES:
            return f"<pre>{content}</pre>"
        return match[0]

    return SHORTCODE.sub(one, html)


def footnotes_html(content: str, meta: str) -> str:
    """The footnotes block (WordPress 6.3), rendered from the post's ``footnotes`` meta as WordPress does."""
    if "<!-- wp:footnotes" not in content or not meta:
        return ""
    try:
        notes = json.loads(meta)
    except ValueError:
        return ""
    items = "".join(f"<li>{note.get('content', '')}</li>" for note in notes if isinstance(note, dict))
    return f"<ol>{items}</ol>" if items else ""


def wordpress_html(content: str, attachments: dict, post_id: int, footnotes: str = "") -> str:
    """What WordPress's ``the_content`` makes of ``content``: embeds, blocks or wpautop, shortcodes."""
    html = autoembed(content) + footnotes_html(content, footnotes)
    if "<!-- wp:" not in html:
        html = shortcode_unautop(
            wpautop(html), REGISTERED | set(JETPACK_EMBEDS) | CODE_SHORTCODES | CODE_LANGUAGES
        )
    html = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    return expand_shortcodes(html, attachments, post_id)


@dataclass
class Shape:
    """What a reader finds in a page's body."""

    words: Counter = field(default_factory=Counter)
    images: int = 0
    links: int = 0
    lists: int = 0
    code: int = 0
    embeds: int = 0


class _Reader(HTMLParser):
    def __init__(self, imported: bool):
        super().__init__(convert_charrefs=True)
        self.imported, self.shape = imported, Shape()
        self.skipping, self.depth = None, 0  # the element whose contents no reader sees, and its nesting
        self.link_text, self.card, self.text = None, None, ""

    def _hidden(self, tag: str, attrs: dict) -> bool:
        if tag in ("script", "style"):
            return True
        # The site's own additions: the contents list above a long post repeats its headings,
        # screen-reader text ("Back to reference 2") is not on the page, and a note shown in the
        # margin on wide screens is the one in the list of notes.
        classes = (attrs.get("class") or "").split()
        return self.imported and (tag == "nav" or bool({"visually-hidden", "sidenote"} & set(classes)))

    def flush(self):
        """Count the words of the text since the last block boundary; a link alone there is a card."""
        if self.card is not None and self.text.strip() == self.card.strip():
            label = CARD.match(self.card.strip())[0]
            self.shape.embeds += 1
            self.shape.links -= 1  # the card stands for the embed, as the player did
            self.shape.words.subtract(WORD.findall(label.lower()))
        self.shape.words.update(WORD.findall(self.text.lower()))
        self.text, self.card = "", None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipping:
            self.depth += tag == self.skipping
            return
        footnote = "data-fn" in attrs or "footnote-ref" in (attrs.get("class") or "")
        if tag in BLOCK_TAGS or (tag == "sup" and footnote):  # a footnote's number ends a word
            self.flush()
        if self._hidden(tag, attrs):
            self.skipping, self.depth = tag, 1
        elif tag == "img":
            self.shape.images += 1
        elif tag in ("ul", "ol"):
            self.shape.lists += 1
        elif tag == "pre":
            self.shape.code += 1
        elif tag in ("iframe", "video", "audio", "embed", "object") and not self.imported:
            self.shape.embeds += 1
        elif tag == "a" and (href := attrs.get("href") or "") and not href.startswith("#"):
            self.shape.links += 1
            self.link_text = ""

    def handle_endtag(self, tag):
        if self.skipping:
            self.depth -= tag == self.skipping
            if not self.depth:
                self.skipping = None
            return
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag == "a" and self.link_text is not None:
            if self.imported and CARD.match(self.link_text.strip()):
                self.card = self.link_text
            self.link_text = None

    def handle_data(self, data):
        if self.skipping:
            return
        if self.link_text is not None:
            self.link_text += data
        self.text += data  # counted at the block's end: a word may span inline tags (c<b>lient</b>)


def shape(html: str, *, imported: bool) -> Shape:
    reader = _Reader(imported)
    reader.feed(html)
    reader.close()
    reader.flush()
    reader.shape.words = +reader.shape.words
    return reader.shape


@dataclass
class Row:
    kind: str
    wp_id: int
    title: str
    wordpress: Shape
    imported: Shape | None

    @property
    def lost(self) -> Counter:
        return self.wordpress.words - self.imported.words if self.imported else self.wordpress.words

    @property
    def gained(self) -> Counter:
        return self.imported.words - self.wordpress.words if self.imported else Counter()


def compare(source, site_rows: dict) -> list[Row]:
    """A row per post and page of the export in ``source``; ``site_rows`` maps (kind, wp_id) to body_html."""
    from wordpress import lenient, wxr
    from wordpress.mediafiles import read_attachments

    attachments = read_attachments(source, max_depth=200)
    rows = []
    for record in wxr.read(source, max_depth=200, repairs=lenient.Repairs()):
        if not isinstance(record, wxr.Item):
            continue
        kind, wp_id = record.get("wp:post_type", "post"), record.get("wp:post_id")
        # What WordPress never shows: trashed items and automatic drafts (the import skips them too).
        if kind not in ("post", "page") or not wp_id.isdigit() or record.get("wp:status") in HIDDEN:
            continue
        content = record.get("content:encoded")
        html = wordpress_html(content, attachments, int(wp_id), record.meta.get("footnotes", ""))
        wordpress = shape(html, imported=False)
        body = site_rows.get((kind, int(wp_id)))
        rows.append(
            Row(
                kind,
                int(wp_id),
                unescape(record.get("title"))[:40],
                wordpress,
                shape(body, imported=True) if body is not None else None,
            )
        )
    return rows


COUNTS = ("images", "links", "lists", "code", "embeds")


def _line(item: str, title: str, words: int, lost: int, gained: int, cells) -> str:
    return f"{item:<11} {title[:32]:<32} {words:>6} {lost:>5} {gained:>6}  " + " ".join(
        f"{c:>7}" for c in cells
    )


def table(rows: list[Row]) -> str:
    """Per item: its words in WordPress, lost and gained, then WordPress/imported counts; totals last."""
    header = _line("item", "title", "words", "lost", "gained", ["img", "links", "lists", "code", "embeds"])
    lines, totals = [header, "-" * len(header)], Counter()
    for row in rows:
        wordpress, imported = row.wordpress, row.imported
        words, lost, gained = (sum(c.values()) for c in (wordpress.words, row.lost, row.gained))
        totals.update(words=words, lost=lost, gained=gained, items=1, missing=int(imported is None))
        for name in COUNTS:
            totals.update({f"wp_{name}": getattr(wordpress, name), f"im_{name}": getattr(imported, name, 0)})
        cells = [f"{getattr(wordpress, name)}/{getattr(imported, name, '–')}" for name in COUNTS]
        lines.append(_line(f"{row.kind} {row.wp_id}", row.title, words, lost, gained, cells))
    lines.append("-" * len(header))
    cells = [f"{totals['wp_' + name]}/{totals['im_' + name]}" for name in COUNTS]
    summary = f"{totals['items']} items, {totals['missing']} absent"
    lines.append(_line("total", summary, totals["words"], totals["lost"], totals["gained"], cells))
    if totals["words"]:
        kept = 100 * (totals["words"] - totals["lost"]) / totals["words"]
        lines.append(f"words kept: {kept:.2f}% (cells: WordPress/imported; – not imported)")
    return "\n".join(lines)


def imported_bodies(site: str) -> dict:
    from blog.models import Page, Post
    from wordpress.models import ImportedItem

    rows = {}
    for kind, model in (("post", Post), ("page", Page)):
        items = dict(ImportedItem.objects.filter(site=site, kind=kind).values_list("object_id", "wp_id"))
        for pk, body in model.objects.filter(pk__in=items).values_list("pk", "body_html"):
            rows[(kind, items[pk])] = body
    return rows


def main():
    import django

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file")
    parser.add_argument("--import", dest="run_import", action="store_true", help="import the export first")
    parser.add_argument("--lost", type=int, default=0, help="list up to N lost words per item")
    options = parser.parse_args()
    django.setup()
    from wordpress import lenient, wxr
    from wordpress.importer import import_wxr

    with open(options.file, "rb") as export:
        if options.run_import:
            report = import_wxr(export)
            print("\n".join(report.summary_lines()), end="\n\n")
            export.seek(0)
        channel = next(
            r
            for r in wxr.read(export, max_depth=200, repairs=lenient.Repairs())
            if isinstance(r, wxr.Channel)
        )
        export.seek(0)
        rows = compare(export, imported_bodies(channel.site))
    print(table(rows))
    if options.lost:
        for row in rows:
            if row.lost:
                print(f"{row.kind} {row.wp_id}: lost {dict(row.lost.most_common(options.lost))}")


if __name__ == "__main__":
    main()
