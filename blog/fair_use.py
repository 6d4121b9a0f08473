"""The warning an author gets when quotation is most of a post (``BLOG_QUOTED_SHARE_WARNING``).

It never blocks: fair use (fair dealing, the quotation right) weighs more
than a share, but a post that is mostly someone else's words is the case
those laws look at hardest, so the author is told before it goes out.
"""

from blog import conf


def quoted_share_warning(word_count, quoted_word_count):
    """A warning when quoted words exceed the site's share of the post's words, else ""."""
    limit = conf.get("QUOTED_SHARE_WARNING")
    if not word_count or 100 * quoted_word_count <= limit * word_count:
        return ""
    share = round(100 * quoted_word_count / word_count)
    return (
        f"{share}% of this post is quotation, more than the {limit}% this site warns at. "
        "Fair use favours quoting only what your commentary needs: add your own words, "
        "or quote less."
    )
