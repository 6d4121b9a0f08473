"""Reader comments on posts, with their moderation status and its reason."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from blog.models import Post
from comments.rules import RULE


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments the public may see."""
        return self.filter(status=Comment.Status.APPROVED)

    def public(self):
        """Approved comments on posts the public may see."""
        return self.approved().filter(post__in=Post.objects.published())

    def by_email(self, email):
        """Every comment written from ``email``, whatever its case (uses the lower-case index)."""
        return self.alias(email_lower=Lower("author_email")).filter(email_lower=(email or "").strip().lower())


def body_stamp():
    """What a comment's HTML is made with now: the pipeline's version and the comment limits in force."""
    from blog.rendering import VERSION
    from comments.conf import render_limits

    return f"{VERSION}/{hashlib.sha256(repr(render_limits()).encode()).hexdigest()[:8]}"


def render_body(body):
    """``(html, stamp)``: a comment's Markdown rendered as readers see it, and what it was made with."""
    from blog.rendering import render_comment
    from comments.conf import render_limits

    return render_comment(body, render_limits()), body_stamp()


class Comment(models.Model):
    """A reader's comment on a post, possibly a reply to another comment.

    Moderation only ever changes ``status``; rows are deleted by nobody but
    the post's deletion, and personal data is cleared only by the data-erasure
    command (``commenter_data --erase``).
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments", verbose_name="post")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name="in reply to",
    )
    depth = models.PositiveSmallIntegerField(
        "depth", default=0, editable=False, help_text="0 for a comment on the post, 1 for a reply, and so on."
    )
    author_name = models.CharField("name", max_length=100)
    author_email = models.EmailField(
        "email", blank=True, help_text="Never shown publicly; empty once its owner's data is erased."
    )
    author_url = models.URLField("website", max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name="user",
        help_text="The account the commenter was signed in with, if any.",
    )
    body = models.TextField("comment", help_text="As written, in Markdown.")
    body_html = models.TextField("rendered comment", blank=True, editable=False)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    status_reason = models.CharField(
        "reason", max_length=300, blank=True, help_text="Why the comment has its status: a rule or a person."
    )
    created = models.DateTimeField("created", auto_now_add=True, db_index=True)
    edited = models.DateTimeField("edited by its author", null=True, blank=True, editable=False)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField("user agent", max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="moderated by",
    )
    moderated_at = models.DateTimeField("moderated at", null=True, blank=True)
    notify_replies = models.BooleanField(
        "notify of replies", default=False, help_text="Email the commenter when a reply is approved."
    )
    reply_notice_sent = models.BooleanField(
        "reply notice sent",
        default=False,
        editable=False,
        help_text="Whether the parent's author has been told of this reply (they are told once).",
    )
    staff_role = models.CharField(
        "written by staff",
        max_length=10,
        blank=True,
        editable=False,
        choices=[("author", "The post's author"), ("staff", "Staff")],
        help_text="Set when a signed-in author, editor or moderator wrote it: the thread badges it.",
    )
    author_notice_sent = models.BooleanField(
        "post's author notified",
        default=False,
        editable=False,
        help_text="Whether the post's author has been told of this comment (they are told once).",
    )
    replied_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="answers",
        help_text="The comment answered, when the depth limit hung the reply beside it rather than under it.",
    )
    rendered_with = models.CharField(
        "rendered with",
        max_length=100,
        blank=True,
        editable=False,
        help_text="What the stored HTML was made with; when it differs, a job renders it anew.",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "comment"
        verbose_name_plural = "comments"
        ordering = ["created", "pk"]
        # WordPress's moderate_comments; without it, change_comment covers comments on one's own posts.
        permissions = [("moderate_every_comment", "Can moderate the comments on every post")]
        indexes = [
            models.Index(fields=["post", "status", "created"], name="comment_thread_idx"),
            models.Index(Lower("author_email"), name="comment_email_idx"),
            # The moderation queue: one status, newest first (and the pending count).
            models.Index(fields=["status", "created", "id"], name="comment_queue_idx"),
            # The queue's filter by rule, newest first.
            models.Index(RULE, models.F("created"), models.F("id"), name="comment_rule_idx"),
            # "Everything from this address or network" (PostgreSQL's inet <<= uses it as a range).
            models.Index(fields=["ip_address"], name="comment_address_idx"),
        ]

    def __str__(self):
        return f"{self.author_name} on {self.post}"

    def save(self, *args, **kwargs):
        self.body_html, self.rendered_with = render_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The permalink: it finds the page of the thread with the comment (``views.comment_permalink``)."""
        return reverse("comments:comment", args=[self.pk])

    @property
    def answered(self):
        """The comment this one answers: its parent, or the one the depth limit hung it beside."""
        return self.replied_to or self.parent

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED


class PublishedThread(models.Model):
    """A post's comment thread as readers without comments of their own see it, stored as HTML.

    Kept by ``comments.published``: any change to the post's comments bumps
    ``version`` and clears ``stamp`` in the same transaction, and the next
    reader renders the thread again and stores it.
    """

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name="post"
    )
    version = models.PositiveBigIntegerField("version", default=0)
    stamp = models.CharField(
        "rendered for",
        max_length=200,
        blank=True,
        help_text="What the HTML was rendered for; empty when stale.",
    )
    html = models.TextField("HTML", blank=True)
    count = models.PositiveIntegerField("approved comments", default=0)
    root_offsets = models.JSONField(
        "top-level comments' offsets",
        default=list,
        blank=True,
        help_text="Where each top-level comment starts in the HTML, in characters: pages are cut there.",
    )
    roots = models.PositiveIntegerField("top-level comments", default=0)

    class Meta:
        verbose_name = "published thread"
        verbose_name_plural = "published threads"

    def __str__(self):
        return f"Comments on {self.post_id}"


class CommentEvent(models.Model):
    """One moderation decision or staff edit of a comment: who, when, and what it was before.

    Written by ``comments.history``; never changed afterwards. Readers' own
    edits are not events: the comment's ``edited`` time records them.
    """

    class Action(models.TextChoices):
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Marked as spam"
        REMOVED = "removed", "Removed"
        PENDING = "pending", "Sent back to pending"
        EDITED = "edited", "Edited"

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="events", verbose_name="comment"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="by",
        help_text="Empty for a decision made by no one signed in (a rule, a signed email link's owner gone).",
    )
    created = models.DateTimeField("when", auto_now_add=True)
    action = models.CharField("action", max_length=10, choices=Action.choices)
    previous_status = models.CharField("status before", max_length=10, choices=Comment.Status.choices)
    previous_body = models.TextField(
        "text before", blank=True, help_text="The comment's text before an edit; empty for a decision."
    )
    note = models.CharField("note", max_length=300, blank=True, help_text="What else changed, or how.")

    class Meta:
        verbose_name = "moderation event"
        verbose_name_plural = "moderation events"
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["comment", "created"], name="comment_event_idx")]

    def __str__(self):
        return f"{self.get_action_display()} comment {self.comment_id}"


class ModeratorDigest(models.Model):
    """One period's digest email to moderators (``COMMENTS_MODERATOR_DIGEST``): queued once, sent once."""

    due = models.DateTimeField("due", unique=True, help_text="When the period ends and the digest goes out.")
    sent_at = models.DateTimeField("sent", null=True, blank=True)

    class Meta:
        verbose_name = "moderator digest"
        verbose_name_plural = "moderator digests"

    def __str__(self):
        return f"Moderator digest due {self.due:%Y-%m-%d %H:%M}"


class DiscussionSettings(models.Model):
    """The comment rules an administrator changes in the admin, as WordPress's Settings → Discussion.

    One row (``pk`` 1), absent until first saved: until then every rule is
    its ``COMMENTS_<NAME>`` setting (``comments.conf``). Read only through
    ``comments.discussion``, which caches it and forgets it when it is saved.
    """

    class Digest(models.TextChoices):
        EACH = "each", "An email for each comment held"
        HOURLY = "hourly", "An hourly digest"
        DAILY = "daily", "A daily digest"

    close_after_days = models.PositiveIntegerField(
        "close comments after (days)",
        help_text="Comments on a post close this many days after it is published; 0 keeps them open.",
    )
    max_depth = models.PositiveSmallIntegerField(
        "nesting levels", validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="A reply deeper than this joins its parent's level.",
    )  # fmt: skip
    max_length = models.PositiveIntegerField(
        "longest comment (characters)", validators=[MinValueValidator(100), MaxValueValidator(100_000)]
    )
    edit_minutes = models.PositiveIntegerField(
        "edit window (minutes)",
        validators=[MaxValueValidator(7 * 24 * 60)],
        help_text="How long a writer may edit or withdraw their comment from the same browser.",
    )
    manual_approval = models.BooleanField(
        "a comment must be manually approved",
        help_text="Hold every comment for a moderator, even one from a known commenter.",
    )
    hold_links = models.PositiveSmallIntegerField(
        "hold a comment with this many links", help_text="0 turns the rule off."
    )
    hold_words = models.TextField(
        "hold words",
        blank=True,
        validators=[MaxLengthValidator(20_000)],
        help_text="One word or phrase a line. A comment holding one in its text, name, email, website, "
        "IP address or browser waits for a moderator.",
    )
    spam_words = models.TextField(
        "spam words",
        blank=True,
        validators=[MaxLengthValidator(20_000)],
        help_text="One word or phrase a line, matched in the same fields: the comment goes to spam.",
    )
    notify_moderators = models.BooleanField(
        "email moderators when a comment is held", help_text="And the post's author."
    )
    notify_author = models.BooleanField(
        "email the post's author of every comment", help_text="Once it is approved, unless they wrote it."
    )
    moderator_digest = models.CharField("moderators' email", max_length=10, choices=Digest.choices)
    rate_window_seconds = models.PositiveIntegerField(
        "rate window (seconds)",
        validators=[MinValueValidator(1), MaxValueValidator(86_400)],
        help_text="The limits below count writes in windows this long.",
    )
    rate_limit = models.PositiveIntegerField(
        "comments per address", help_text="Per email address and per IP address in a window; 0 = no limit."
    )
    rate_limit_network = models.PositiveIntegerField(
        "comments per network", help_text="Per IPv4 /24 or IPv6 /64 in a window; 0 = no limit."
    )
    edit_rate_limit = models.PositiveIntegerField("edits per address")
    edit_rate_limit_network = models.PositiveIntegerField("edits per network")
    unsubscribe_rate_limit = models.PositiveIntegerField("unsubscribes per address")
    unsubscribe_rate_limit_network = models.PositiveIntegerField("unsubscribes per network")
    spam_retention_days = models.PositiveIntegerField(
        "delete spam after (days)", help_text="Spam older than this is deleted every day; 0 keeps it."
    )
    ip_retention_days = models.PositiveIntegerField(
        "forget IP addresses after (days)",
        help_text="Comments older than this lose their IP address and browser every day; 0 keeps them.",
    )
    # Defaults only for rows saved before these rules were editable; the form starts from the settings.
    per_page = models.PositiveIntegerField(
        "top-level comments per page",
        default=50,
        validators=[MaxValueValidator(1000)],
        help_text="Break comments into pages of this many top-level comments, each with all its replies; "
        "0 shows every comment on the post's page.",
    )
    default_page = models.CharField(
        "page shown with the post",
        max_length=5,
        default="last",
        choices=[("last", "The last page (the newest comments)"), ("first", "The first page")],
    )
    order = models.CharField(
        "top-level comments within a page",
        max_length=6,
        default="oldest",
        choices=[("oldest", "Oldest first"), ("newest", "Newest first")],
    )

    class Meta:
        verbose_name = "discussion settings"
        verbose_name_plural = "discussion settings"

    def __str__(self):
        return "Discussion settings"


class Block(models.Model):
    """A commenter refused: an IP address or network, or an email address or domain.

    WordPress's "Disallowed Comment Keys": a comment from a blocked commenter
    goes to the trash (``removed``). Read through ``comments.discussion``.
    """

    class Kind(models.TextChoices):
        NETWORK = "network", "IP address or network"
        EMAIL = "email", "Email address or domain"

    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    value = models.CharField(
        "blocked",
        max_length=254,
        help_text="203.0.113.7, 203.0.113.0/24 or 2001:db8::/48; someone@example.com or example.com "
        "(which blocks its subdomains too).",
    )
    note = models.CharField("note", max_length=300, blank=True)
    created = models.DateTimeField("blocked on", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="blocked by",
    )

    class Meta:
        verbose_name = "blocked commenter"
        verbose_name_plural = "blocked commenters"
        ordering = ["-created", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="comment_block_unique")]

    def __str__(self):
        return self.value

    def clean(self):
        from comments.moderation import normalise_block

        try:
            self.value = normalise_block(self.kind, self.value)
        except ValueError as error:
            raise ValidationError({"value": str(error)}) from None


class Subscriber(models.Model):
    """An email address that asked for reply notices: confirmed once, by a link mailed to it.

    A comment's "notify me" box subscribes its address; until the address is
    confirmed no reply notice goes to it, and once it is, later subscriptions
    from it need no new confirmation. Unconfirmed addresses expire
    (``COMMENTS_CONFIRM_LINK_DAYS``), their subscriptions ended.
    """

    email = models.EmailField("email", unique=True, help_text="In lower case.")
    requested_at = models.DateTimeField("confirmation mailed", null=True, blank=True)
    confirmed_at = models.DateTimeField("confirmed", null=True, blank=True)

    class Meta:
        verbose_name = "reply-notice subscriber"
        verbose_name_plural = "reply-notice subscribers"

    def __str__(self):
        return self.email
