"""The comments app, and where it plugs into the blog and the page cache, which know nothing of it."""

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
        hooks.list_preparers.add(selectors.attach_comment_counts)
        if apps.is_installed("pagecache"):
            self.plug_into_pagecache()

    @staticmethod
    def plug_into_pagecache():
        """A comment's changes retire cached pages, and each page's comment form gets a fresh timestamp."""
        from comments import forms
        from comments.models import Comment
        from comments.signals import comments_changed
        from pagecache import holes, receivers

        receivers.watch(Comment, unless=held_when_new)
        receivers.watch_signal(comments_changed)
        holes.add_signed_value(
            "comment-token", salt=forms.TOKEN_SALT, argument=forms.form_token_post, make=forms.make_form_token
        )


def held_when_new(comment, created):
    """A new comment held for moderation shows only to its writer, whose cookie bypasses the page cache."""
    return created and not comment.is_public
