"""A post's social card: a 1200×630 PNG of its title and the opening of its first quotation.

Drawn in the site's colours and a serif face (DejaVu Serif where Debian's
fonts-dejavu-core put it, else Pillow's own font), with the quotation set off
by a rule as the page sets an excerpt. ``draw_card`` is pure; ``stored_card``
keeps each drawing in the default storage under the post's stamp, so a post
that changes gets a new card and an unchanged one is drawn once.
"""

import hashlib
import io
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from blog import conf
from blog.seo import absolute_url

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Colours of static/css/site.css (light scheme): paper, ink, muted, the excerpt's rule.
PAPER, INK, MUTED, RULE = "#fbf9f4", "#1f1d1a", "#5e584f", "#b9542f"
# Bump when the drawing changes, so stored cards are drawn again.
VERSION = 1
# A card's address carries its stamp (``card_url``), so browsers and link previews may keep it a year.
MAX_AGE = 365 * 24 * 3600


def font(style, size):
    """DejaVu Serif in ``style`` ("", "-Bold", "-Italic") at ``size`` pixels, or Pillow's default."""
    path = Path(conf.get("CARD_FONT_DIRECTORY")) / f"DejaVuSerif{style}.ttf"
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size)


def wrap(text, face, width, max_lines):
    """``text`` in lines no wider than ``width``, at most ``max_lines``, the last ending "…" if cut."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if face.getlength(candidate) <= width or not line:
            line = candidate
            continue
        lines.append(line)
        line = word
        if len(lines) == max_lines:
            last = lines[-1]
            while last and face.getlength(last + " …") > width:
                last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
            lines[-1] = last + " …"
            return lines
    if line:
        lines.append(line)
    return lines or [""]


def draw_card(title, quotation, site_name, host):
    """The card as PNG bytes: site name above, the title, the quotation beside a rule, the host below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    draw.text((MARGIN, MARGIN - 20), site_name.upper(), font=font("-Bold", 26), fill=MUTED)
    size = 64
    while True:
        title_face = font("-Bold", size)
        title_lines = wrap(title, title_face, text_width, 3)
        if size <= 44 or len(title_lines) <= 2:
            break
        size -= 6
    y = MARGIN + 40
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title_face, fill=INK)
        y += int(size * 1.2)
    if quotation:
        y += 30
        quote_face = font("-Italic", 32)
        room = max(1, (HEIGHT - MARGIN - 40 - y) // 44)
        quote_lines = wrap(f"“{quotation}”", quote_face, text_width - 36, min(room, 4))
        draw.rectangle((MARGIN, y + 4, MARGIN + 5, y + 44 * len(quote_lines) - 8), fill=RULE)
        for line in quote_lines:
            draw.text((MARGIN + 36, y), line, font=quote_face, fill=INK)
            y += 44
    draw.text((MARGIN, HEIGHT - MARGIN + 10), host, font=font("", 24), fill=MUTED)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def stamp(post):
    """What the card is drawn from, as a short digest: its ETag and the name it is stored under."""
    text = f"{VERSION}:{post.pk}:{post.updated.isoformat()}:{post.rendered_with}:{settings.SITE_NAME}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def card_url(post):
    """The card's absolute address, with its stamp, for ``og:image``: a changed post's card is a new URL."""
    return absolute_url(post.get_card_url()) + f"?v={stamp(post)}"


def stored_card(post, quotation):
    """The storage name of ``post``'s current card, drawing and storing it (and dropping older ones)
    if it is not there yet. ``quotation`` is called for the quotation's text only when drawing."""
    folder = f"{conf.get('CARD_DIRECTORY')}/{post.pk}"
    name = f"{folder}/{stamp(post)}.png"
    if default_storage.exists(name):
        return name
    host = settings.SITE_URL.split("://", 1)[-1]
    png = draw_card(post.title, quotation(), settings.SITE_NAME, host)
    try:
        older = default_storage.listdir(folder)[1]
    except FileNotFoundError:
        older = []
    for filename in older:
        default_storage.delete(f"{folder}/{filename}")
    return default_storage.save(name, ContentFile(png))
