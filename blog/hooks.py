"""Where other apps plug into the blog's public pages: the blog knows none of them.

An app adds to these from its ``AppConfig.ready()``, and the blog's pages
show whatever was added, in the order added:

- ``post_sections``: templates rendered after a post's body, with the post
  page's context (``post``, ``request``…). The comments app adds its thread
  and form.
- ``excerpt_notes``: functions called with the post on its page, each
  returning HTML to show just after some of its excerpts, by the excerpt's
  position (``{1: "<p>…</p>"}``); the same for every reader. The capture app
  says a quotation was checked against its source.
- ``summary_extras``: templates rendered in each post's summary on list
  pages, with ``post`` in the context. The comments app adds the count.
- ``head_links``: templates rendered in every page's ``<head>``, with the
  page's context (a post page has ``post``). The comments app advertises its
  feeds: the site's, and on a post page the post's.
- ``canonical_queries``: functions called with the request and the post on
  a post's page, each returning the query parameters (a dict) that make the
  page another one, which its canonical address keeps. The comments app
  keeps the page of comments.
- ``list_preparers``: functions the list views call with the page of posts
  before it renders, so that what the extras show is fetched for the whole
  page at once. The comments app attaches the counts, in one query.
"""


class Hook:
    """What apps added at one point of the blog's pages: template names or functions, each once."""

    def __init__(self):
        self.entries = []

    def add(self, entry):
        if entry not in self.entries:
            self.entries.append(entry)

    def __iter__(self):
        return iter(self.entries)


post_sections = Hook()
excerpt_notes = Hook()
summary_extras = Hook()
head_links = Hook()
list_preparers = Hook()
canonical_queries = Hook()


def prepare_posts(posts):
    """Let each list preparer fetch what it shows for ``posts`` (a page or list of posts)."""
    for prepare in list_preparers:
        prepare(posts)
