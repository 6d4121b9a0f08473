"""Python-Markdown's tables, deciding from a block's first lines whether it is one.

Python-Markdown's table processor splits and strips every line of a block
to test whether the block is a table, and the test runs again on what is
left of a block each time another processor takes a line off its top (a
heading, a reference definition): quadratic time in a block's lines. The
answer depends on the first two lines, except for a one-column table,
whose every row needs a pipe; so the first two are tested, and the whole
block only when they pass.
"""

from markdown.extensions.tables import TableProcessor


class LinearTableProcessor(TableProcessor):
    def test(self, parent, block):
        head = "\n".join(block.split("\n", 2)[:2])
        return super().test(parent, head) and (head == block or super().test(parent, block))


def register(md):
    """Put ``LinearTableProcessor`` in the place of the registered table processor, with its settings."""
    processors = md.parser.blockprocessors
    if "table" in processors:
        table = processors["table"]
        processors.register(LinearTableProcessor(md.parser, table.config), "table", 75)
