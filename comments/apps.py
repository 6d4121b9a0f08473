"""The comments app, and where it plugs into the blog and the caches, which know nothing of it."""

from django.apps import AppConfig, apps


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from blog import hooks
        from comments import receivers, selectors  # noqa: F401  (receivers: connects them)

        hooks.post_sections.add("comments/includes/post_comments.html")
        hooks.summary_extras.add("comments/includes/post_summary_count.html")
        hooks.head_links.add("comments/includes/feed_links.html")
        hooks.head_links.add("comments/includes/page_links.html")
        hooks.canonical_queries.add(selectors.canonical_query)
        hooks.list_preparers.add(selectors.attach_comment_counts)
        if apps.is_installed("pagecache"):
            self.plug_into_pagecache()
        if apps.is_installed("httpcache"):
            from comments.signals import comments_changed
            from httpcache import keys, receivers

            keys.register_view("comments:feed", "comments", "feeds")
            keys.register_view("comments:feed_atom", "comments", "feeds")
            keys.register_view("comments:post_feed", "thread-{post_id}", "threads", "feeds")
            keys.register_view("comments:post_feed_atom", "thread-{post_id}", "threads", "feeds")
            receivers.watch_signal(comments_changed, changed_threads)

    @staticmethod
    def plug_into_pagecache():
        """A commenter's cookies change no cached page (the page's script reads them)."""
        from comments import cookies
        from pagecache import middleware

        for name in (cookies.OWN_COOKIE, cookies.IDENTITY_COOKIE, cookies.HINT_COOKIE):
            middleware.share_cookie(name)


def changed_threads(post_ids=None, **kwargs):
    """What a change to comments purges: those posts' threads (their pages, their comment feeds), or all."""
    if post_ids is None:
        return {"threads", "comments"}
    return {"comments", *(f"thread-{pk}" for pk in post_ids)}
