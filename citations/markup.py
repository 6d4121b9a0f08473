"""The rich text CSL allows inside titles, as HTML within the site's allowlist.

Zotero and citeproc-js store formatting in titles as a few HTML-like tags:
``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>`` and the spans
``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
``<span class="nodecor">``. These become ``<i>``, ``<b>``, ``<sup>``,
``<sub>`` and ``<span class="small-caps">`` (nocase and nodecor only guard
capitalisation, so they leave no element); everything else is escaped text,
and so is a tag without its partner ("x <i> y" shows as written). ``runs``
tells a style which words a nocase span protects from changes of case.
Linear in the text.
"""

import html
import re

TAG = re.compile(
    r"""<(/?)(i|b|sc|sup|sub)>"""
    r"""|<span\s+style\s*=\s*["']\s*font-variant\s*:\s*small-caps\s*;?\s*["']\s*>"""
    r"""|<span\s+class\s*=\s*["']\s*(nocase|nodecor)\s*["']\s*>"""
    r"""|</span>""",
    re.IGNORECASE,
)
_HTML = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")}
_SMALL_CAPS = ('<span class="small-caps">', "</span>")
_NO_ELEMENT = ("", "")


def _opening(match):
    """(name closing it, (opening HTML, closing HTML)) for an opening tag, or None for a closing one."""
    text = match.group().lower()
    if match.group(1) or text == "</span>":
        return None
    name = (match.group(2) or "").lower()
    if name == "sc" or "small-caps" in text:
        return ("sc" if name else "span"), _SMALL_CAPS
    if match.group(3):
        return "span", _NO_ELEMENT
    return name, _HTML[name]


def _partners(matches):
    """For each tag, the index of the tag it pairs with, or None.

    A closing tag pairs with the nearest open tag of its name; tags it skips
    over, and tags never closed, pair with none. Counting open tags by name
    keeps this linear: the stack is searched only when the name is on it, and
    every tag searched past leaves it.
    """
    partner = [None] * len(matches)
    stack, open_count = [], {}
    for index, match in enumerate(matches):
        opening = _opening(match)
        if opening is not None:
            stack.append((index, opening[0]))
            open_count[opening[0]] = open_count.get(opening[0], 0) + 1
            continue
        name = "span" if match.group().lower() == "</span>" else match.group(2).lower()
        if not open_count.get(name):
            continue
        while True:
            start, opened = stack.pop()
            open_count[opened] -= 1
            if opened == name:
                partner[start], partner[index] = index, start
                break
    return partner


def pairs(matches):
    """For each tag, its (opening, closing) HTML if it opens or closes a pair, else None (it stays text)."""
    html = [None] * len(matches)
    for index, other in enumerate(_partners(matches)):
        if other is not None and other > index:
            html[index], html[other] = _opening(matches[index])[1]
    return html


def runs(text):
    """``text`` as ``(piece, kind)`` runs, in order: kind ``"tag"`` for markup (and a tag without
    its partner, shown as text), ``"protected"`` for words inside a nocase span, which keep their
    case, ``"text"`` for the rest. Joined, the pieces give ``text`` back."""
    matches = list(TAG.finditer(text))
    partner = _partners(matches)
    pieces, position, protected_until = [], 0, -1
    for index, match in enumerate(matches):
        if match.start() > position:
            kind = "protected" if index <= protected_until else "text"
            pieces.append((text[position : match.start()], kind))
        pieces.append((match.group(), "tag"))
        position = match.end()
        nocase = (match.group(3) or "").lower() == "nocase"
        if nocase and partner[index] is not None and partner[index] > index:
            protected_until = max(protected_until, partner[index])
    if position < len(text):
        pieces.append((text[position:], "text"))
    return pieces


def to_html(text, transform=str):
    """``text`` with its CSL markup as HTML and the rest escaped; ``transform`` applies to the words."""
    matches = list(TAG.finditer(text))
    pieces, position = [], 0
    for match, tag in zip(matches, pairs(matches), strict=True):
        pieces.append(html.escape(transform(text[position : match.start()]), quote=False))
        pieces.append(html.escape(match.group(), quote=False) if tag is None else tag)
        position = match.end()
    pieces.append(html.escape(transform(text[position:]), quote=False))
    return "".join(pieces)


def to_text(text):
    """``text`` without its CSL markup: what a page's ``<title>`` or a search shows."""
    return TAG.sub("", text)


def balance(text):
    """``text`` cut from a longer title made whole: tags left open are closed at its end, and
    closing tags whose opening was cut off are dropped (``short_title`` cuts between words)."""
    matches = list(TAG.finditer(text))
    pieces, closers, position = [], [], 0
    for match, tag in zip(matches, pairs(matches), strict=True):
        pieces.append(text[position : match.start()])
        position = match.end()
        if tag is not None:
            pieces.append(match.group())
        elif _opening(match) is not None:
            pieces.append(match.group())
            closers.append("</span>" if match.group(2) is None else f"</{match.group(2)}>")
    pieces.append(text[position:])
    return "".join(pieces) + "".join(reversed(closers))


def trimmed(text):
    """``text`` without spaces at either end of what a reader sees, looking through its markup:
    "<b>Sketching </b><b> </b>" -> "<b>Sketching</b><b></b>"."""
    if "<" not in text:
        return text.strip()
    pieces = [[piece, kind] for piece, kind in runs(text)]
    for order, strip in ((pieces, str.lstrip), (pieces[::-1], str.rstrip)):
        for run in order:
            if run[1] == "tag":
                continue
            run[0] = strip(run[0])
            if run[0]:
                break
    return "".join(piece for piece, _kind in pieces)
