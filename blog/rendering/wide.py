"""Keeping Python-Markdown's second inline pass linear on elements with many children.

Smart punctuation runs Python-Markdown's inline processor over the finished
tree a second time, and for each child with a tail that processor finds the
child's place by searching its parent: quadratic time in a parent's number
of children (a paragraph of 20,000 citations, a list of 20,000 items).
Just before that pass, ``ChunkTreeprocessor`` moves the children of every
wide element into holders of at most ``CHUNK`` children each (holders have
no text and no tail, so the pass reads the same texts in the same order);
just after it, ``UnchunkTreeprocessor`` puts them back.
"""

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

CHUNK = 64
CHUNK_TAG = "cp-chunk"


class ChunkTreeprocessor(Treeprocessor):
    def __init__(self, md, chunked):
        super().__init__(md)
        self.chunked = chunked

    def run(self, root):
        self.chunked.clear()
        for element in list(root.iter()):
            if len(element) > CHUNK:
                children = list(element)
                element[:] = []
                for start in range(0, len(children), CHUNK):
                    holder = etree.SubElement(element, CHUNK_TAG)
                    holder.extend(children[start : start + CHUNK])
                self.chunked.append(element)


class UnchunkTreeprocessor(Treeprocessor):
    def __init__(self, md, chunked):
        super().__init__(md)
        self.chunked = chunked

    def run(self, root):
        for element in self.chunked:
            element[:] = [child for holder in element for child in holder]
        self.chunked.clear()


def register(md):
    """Hold wide elements' children in chunks around the smart-punctuation pass (priority 6)."""
    chunked = []
    md.treeprocessors.register(ChunkTreeprocessor(md, chunked), "cp-chunk", 7)
    md.treeprocessors.register(UnchunkTreeprocessor(md, chunked), "cp-unchunk", 5)
