"""Links that show their own address: marked ``class="url"``.

Print writes each link's address after its text; a link whose text is its
address (a note's URL or DOI, an autolink) is marked so the print stylesheet
leaves it alone and the address is printed once. Runs in the author
sanitizer, so it sees links from Markdown, the citation style and raw HTML alike.
"""

from bleach.html5lib_shim import Filter

HREF, CLASS = (None, "href"), (None, "class")


class AddressLinkFilter(Filter):
    """Adds the class ``url`` to each ``<a>`` whose whole text is its ``href``."""

    def __iter__(self):
        held = []  # the tokens of an open link, until its end shows what its text was
        for token in super().__iter__():
            if not held:
                if token["type"] == "StartTag" and token["name"] == "a" and token["data"].get(HREF):
                    held.append(token)
                else:
                    yield token
                continue
            held.append(token)
            if token["type"] == "EndTag" and token["name"] == "a":
                yield from self.marked(held)
                held = []
            elif token["type"] not in ("Characters", "SpaceCharacters"):
                yield from held  # other markup inside: not a bare address
                held = []
        yield from held

    @staticmethod
    def marked(tokens):
        start = tokens[0]["data"]
        text = "".join(token["data"] for token in tokens[1:-1])
        if text.strip() == start[HREF].strip():
            start[CLASS] = " ".join(filter(None, [start.get(CLASS, ""), "url"]))
        return tokens
