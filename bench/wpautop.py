"""WordPress's ``wpautop`` in Python, for comparing an import with what WordPress showed.

Written from the behaviour of ``wpautop()`` in WordPress's
``wp-includes/formatting.php`` (WordPress 6.x), step by step, not copied:
``<pre>`` blocks are set aside; ``<br>`` pairs become paragraph breaks; block
tags get blank lines around them; newlines inside tags are protected; the
text is split into paragraphs at blank lines, each wrapped in ``<p>``; the
``<p>`` that end up around block tags, list items and blockquotes are
undone; single newlines become ``<br />`` (not inside ``<script>``,
``<style>``, ``<svg>``), except next to block tags; the ``<pre>`` blocks go
back. ``shortcode_unautop`` (``wp-includes/shortcodes.php``) then takes a
shortcode alone in its paragraph out of the ``<p>``.
"""

import re

# formatting.php's $allblocks.
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
    r"|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer"
    r"|nav|figure|figcaption|details|menu|summary)"
)
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.DOTALL)
NEWLINE_MARK = " <!-- wpnl --> "


def _protect_newlines_in_tags(text: str) -> str:
    """``wp_replace_in_html_tags``: a newline inside a tag or comment is not a line break."""
    return TAG.sub(lambda match: match[0].replace("\n", NEWLINE_MARK), text)


def wpautop(text: str, br: bool = True) -> str:
    """``text`` with paragraphs and line breaks as WordPress's ``wpautop`` writes them."""
    if not text.strip():
        return ""
    text += "\n"
    pres = []
    if "<pre" in text:

        def set_aside(match):
            pres.append(match[0])
            return f'<pre wp-pre-tag-{len(pres) - 1}"></pre>'

        text = PRE.sub(set_aside, text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(rf"(<{BLOCKS}[\s/>])", r"\n\n\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"(</{BLOCKS}>)", r"\1\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"(<hr\s*?/?>)", "\\1\n\n", text, flags=re.IGNORECASE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _protect_newlines_in_tags(text)
    # Options, params and sources inside their element take no breaks.
    text = re.sub(r"\s*<option", "<option", text)
    text = re.sub(r"</option>\s*", "</option>", text)
    text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*</object>", "</object>", text)
    text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
    text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
    text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    text = re.sub(r"(<figcaption[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*</figcaption>", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part]
    text = "".join(f"<p>{part.strip(chr(10))}</p>\n" for part in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg)\b.*?</\1>",
            lambda match: match[0].replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.DOTALL,
        )
        text = re.sub(r"<br>|<br/>", "<br />", text)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(rf"(</?{BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for index, pre in enumerate(pres):
        text = text.replace(f'<pre wp-pre-tag-{index}"></pre>', pre)
    return text.replace(NEWLINE_MARK, "\n")


def shortcode_unautop(text: str, registered) -> str:
    """A registered shortcode alone in its paragraph, taken out of the ``<p>``, as
    ``shortcode_unautop`` does; an unknown one is text and stays in it."""
    names = "|".join(re.escape(name) for name in sorted(registered, key=len, reverse=True))
    return re.sub(
        rf"<p>\s*(\[({names})\b[^\]]*\](?:.*?\[/\2\])?)\s*</p>",
        r"\1",
        text,
        flags=re.DOTALL | re.IGNORECASE,
    )
