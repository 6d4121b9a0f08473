"""LaTeX in BibTeX values, to plain Unicode text and back.

Accents, escapes and protective braces are decoded (simple accents in a few
passes of C, the rest with pylatexenc); writing escapes what LaTeX would read
otherwise, so what is written reads back unchanged. ``protect_capitals``
braces the words a BibTeX style must not lower-case.
"""

import re
import unicodedata

from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from citations import markup

# The formatting commands CSL's rich text has a tag for, both ways.
COMMANDS = {
    "i": "textit",
    "b": "textbf",
    "sc": "textsc",
    "sup": "textsuperscript",
    "sub": "textsubscript",
}
_READ_AS_TAG = {**{command: tag for tag, command in COMMANDS.items()}, "emph": "i", "textsl": "i"}
_READ_AS_TAG.update({"mkbibemph": "i", "mkbibitalic": "i", "mkbibbold": "b"})  # biblatex's
# Quotation commands (csquotes', biblatex's): their text in curly quotation marks.
_QUOTING = ("enquote", "mkbibquote")


def _verbatim(node):
    """A macro argument's source as written: a URL's "~" is a tilde, not a space."""
    if node is None:
        return ""
    source = node.latex_verbatim()
    return source[1:-1] if source.startswith("{") else source


def _url_text(node, l2tobj):
    """``\\url{…}`` as its URL, as written."""
    return _verbatim(node.nodeargd.argnlist[0]) if node.nodeargd is not None else ""


def _link_text(node, l2tobj):
    """``\\href{url}{text}`` as its text, or its URL when it has none."""
    if node.nodeargd is None:  # "\\href" without its arguments
        return ""
    url, text = (list(node.nodeargd.argnlist) + [None, None])[:2]
    return l2tobj.nodelist_to_text([text]).strip() if text is not None else _verbatim(url)


# Font commands pylatexenc's parser knows but its decoder does not: it would drop their text.
_FONT_COMMANDS = ("texttt", "textsf", "textmd", "textup", "textnormal")
# pylatexenc reads \textasciicircum as the modifier letter ˆ; writers mean the caret.
# Formatting commands become CSL's rich-text tags, so a title's italics survive.
_context = get_default_latex_context_db()
_context.add_context_category(
    "commonplace",
    macros=[
        MacroTextSpec("textasciicircum", "^"),
        MacroTextSpec("-", ""),  # a place a word may be hyphenated, not a character
        MacroTextSpec("hyphen", "-"),  # biblatex's hyphens that allow a break after them
        MacroTextSpec("nbhyphen", "-"),
        MacroTextSpec("url", _url_text),
        MacroTextSpec("href", _link_text),
        *(MacroTextSpec(command, "%s") for command in _FONT_COMMANDS),
        *(MacroTextSpec(command, "“%s”") for command in _QUOTING),
        *(MacroTextSpec(command, f"<{tag}>%s</{tag}>") for command, tag in _READ_AS_TAG.items()),
    ],
    prepend=True,
)
_decoder = LatexNodes2Text(latex_context=_context, math_mode="verbatim", strict_latex_spaces=True)
# Built once: pylatexenc would otherwise rebuild its parsing context for every value.
_walker_context = latexwalker.get_default_latex_context_db()
_walker_context.add_context_category(
    "commonplace",
    macros=[
        macrospec.MacroSpec("url", "{"),
        macrospec.MacroSpec("href", "{{"),
        *(macrospec.MacroSpec(command, "{") for command in [*_READ_AS_TAG, *_QUOTING]),
    ],
    prepend=True,
)
_PLAIN = re.compile(r"[^\\{}~$`'%&#_^-]*\Z")
_BRACES = re.compile(r"\\.|[{}]", re.DOTALL)
_BARE_AMPERSAND = re.compile(r"(?<!\\)&")
# Inline math in a title ("Cu$_2$O", "$\\mu$m", "$(000\\bar{1})$"): read as text, its sub- and
# superscripts as CSL's <sub> and <sup>, its symbols as Unicode, as pandoc reads it.
_MATH = re.compile(r"(?<!\\)\$([^$]+)\$")
_SCRIPT = re.compile(r"([_^])(\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[^\s{}\\])")
_SCRIPT_COMMANDS = {"_": "textsubscript", "^": "textsuperscript"}


def _math_as_text(match):
    def script(part):
        body = part.group(2)
        return "\\" + _SCRIPT_COMMANDS[part.group(1)] + (body if body.startswith("{") else "{" + body + "}")

    return "{" + _SCRIPT.sub(script, match.group(1)) + "}"


# The accents writers use most, as combining marks: "\\'e", "\\'{e}" and "{\\'e}" all read "é".
_ACCENT_MARKS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
}
_ACCENT = re.compile(r"""\{\\(['`^"~=.])([A-Za-z])\}|\\(['`^"~=.])\{([A-Za-z])\}|\\(['`^"~=.])([A-Za-z])""")
# What is left for pylatexenc once simple accents and protective braces are read.
_NOT_SIMPLE = re.compile(r"[\\~$%&#_^`]|--|''|[?!]`")


def _accented(match):
    accent, letter = next(
        group for group in zip(match.groups()[::2], match.groups()[1::2], strict=True) if group[0]
    )
    return unicodedata.normalize("NFC", letter + _ACCENT_MARKS[accent])


def _simple(value):
    """``value`` decoded in a few passes of C when it holds only simple accents and braces, else None.

    pylatexenc takes about 10 µs a character, which a file of accented names feels.
    """
    text = _ACCENT.sub(_accented, value).replace("{", "").replace("}", "")
    return None if _NOT_SIMPLE.search(text) else text


def latex_to_text(value, *, keep_lines=False):
    """LaTeX source as plain Unicode text: accents, escapes and braces decoded.

    Line breaks are spaces in LaTeX, except in a note, whose lines are kept.
    """
    if "$" in value:
        value = _MATH.sub(_math_as_text, value)
    if "&" in value:  # "John Wiley & Sons": LaTeX would refuse a bare "&"; writers mean it
        value = _BARE_AMPERSAND.sub(r"\\&", value)
    if _PLAIN.match(value):
        text = value  # nothing LaTeX would change
    elif (simple := _simple(value)) is not None:
        text = simple
    else:
        walker = latexwalker.LatexWalker(value, latex_context=_walker_context, tolerant_parsing=True)
        try:
            text = _decoder.nodelist_to_text(walker.get_latex_nodes()[0])
        except (IndexError, KeyError, TypeError, AttributeError) as error:  # pylatexenc's own failures
            raise ValueError(f"LaTeX that cannot be read ({type(error).__name__}): {value[:80]}") from None
    if "`" in text:  # LaTeX's opening single quotation mark, "`Song of Myself'"; pylatexenc keeps it
        text = text.replace("`", "‘")
    if keep_lines:
        return "\n".join(collapse_spaces(line) for line in text.strip().splitlines())
    return collapse_spaces(text)


# Spaces a line may break at: a non-breaking space (U+00A0, LaTeX's "~") is a character of its own.
_BREAKING_SPACES = re.compile(r"[^\S\xa0]+")


def collapse_spaces(text):
    """``text`` with each run of spaces as one, trimmed, as LaTeX reads them; non-breaking
    spaces kept ("C.~M." is "C.\u00a0M.", as pandoc reads it)."""
    return _BREAKING_SPACES.sub(" ", text).strip(" ")


_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\xa0": "~",
}
_SPECIAL_RE = re.compile(r"[\\{}%&$#_~^\xa0]|--|``|''|\?`|!`")


def text_to_latex(value):
    """Plain text as LaTeX that reads back the same: specials escaped, ligatures broken, a
    non-breaking space as "~"."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL.get(m.group(), m.group()[0] + "{}" + m.group()[1:]), value)


def balanced(raw):
    """``raw`` without its unmatched closing braces.

    bibtexparser mends each by inserting "{" at the start of the word, a cost
    quadratic in their number; LaTeX would refuse them anyway.
    """
    if "}" not in raw:
        return raw
    pieces, depth, position = [], 0, 0
    for match in _BRACES.finditer(raw):
        if match.group() == "{":
            depth += 1
        elif match.group() == "}":
            if depth:
                depth -= 1
            else:
                pieces.append(raw[position : match.start()])
                position = match.end()
    pieces.append(raw[position:])
    return "".join(pieces)


def title_to_latex(value):
    """A title's text as LaTeX: capitals braced (``protect_capitals``), its CSL rich text as
    commands ("<i>x</i>" as "\\textit{x}", a nocase span as braces)."""
    pieces, position = [], 0
    matches = list(markup.TAG.finditer(value))
    for match, tag in zip(matches, markup.pairs(matches), strict=True):
        pieces.append(protect_capitals(value[position : match.start()]))
        position = match.end()
        if tag is None:
            pieces.append(text_to_latex(match.group()))
        elif match.group(1) or match.group().lower() == "</span>":
            pieces.append("}")
        else:
            name = (match.group(2) or "").lower() or ("sc" if "small-caps" in match.group().lower() else "")
            pieces.append("\\" + COMMANDS[name] + "{" if name else "{")
    pieces.append(protect_capitals(value[position:]))
    return "".join(pieces)


def protect_capitals(value):
    """Plain text as LaTeX with each word holding a capital in braces: "{Jerusalem} and the {Crusades}".

    BibTeX styles that set titles in sentence case lower-case every unbraced
    letter after the first; braces keep proper nouns and acronyms as written.
    """
    return " ".join(
        "{" + text_to_latex(word) + "}" if any(c.isupper() for c in word) else text_to_latex(word)
        for word in value.split(" ")
    )
