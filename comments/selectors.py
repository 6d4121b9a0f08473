"""Reads for pages: a post's comment thread, and approved-comment counts for lists of posts.

Each read is a fixed number of queries however many comments there are, so
templates trigger none of their own.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone

from comments import conf, cookies, published
from comments.forms import CommentForm
from comments.models import Comment
from comments.moderation import closes_at
from comments.services import can_edit, post_closed_reason
from comments.thread import render_thread

# The query parameter of a page of comments, as WordPress's.
PAGE_PARAMETER = "cpage"


class ThreadComment(NamedTuple):
    """What the thread shows of a comment; the email address, IP and user agent are never loaded.

    A plain record rather than a model instance: a thread is hundreds of rows,
    and building ``Comment`` instances cost more than reading them.
    """

    pk: int
    parent_id: int | None
    author_name: str
    author_url: str
    body_html: str
    status: str
    staff_role: str
    created: datetime
    edited: datetime | None


@dataclass
class Node:
    """One comment in a thread, with its replies and what this reader may do with it."""

    comment: ThreadComment
    children: list["Node"] = field(default_factory=list)
    own: bool = False
    editable: bool = False

    @property
    def public(self):
        return self.comment.status == Comment.Status.APPROVED

    @property
    def awaiting(self):
        """Held for moderation and shown only to the browser that wrote it."""
        return self.own and self.comment.status in {Comment.Status.PENDING, Comment.Status.SPAM}


def thread_rows(post, own_ids=()):
    """The post's approved comments, the hidden comments they reply to, and this browser's held ones."""
    answered = Comment.objects.filter(post=post, status=Comment.Status.APPROVED, parent__isnull=False)
    rows = (
        Comment.objects.filter(post=post)
        .filter(
            Q(status=Comment.Status.APPROVED)
            | Q(pk__in=answered.values("parent_id"))
            | Q(pk__in=list(own_ids), status__in=[Comment.Status.PENDING, Comment.Status.SPAM])
        )
        .order_by("created", "pk")
        # Timestamps are read as text: Django's loader for timestamptz parses
        # in Python (about 8 µs each), fromisoformat in C (0.2 µs).
        .annotate(created_text=Cast("created", TextField()), edited_text=Cast("edited", TextField()))
        .values_list(*ThreadComment._fields[:-2], "created_text", "edited_text")
    )
    return [ThreadComment(*row[:-2], _moment(row[-2]), _moment(row[-1])) for row in rows]


def _moment(text):
    """A timestamp that the database wrote as text, as an aware datetime (SQLite's text is naive UTC)."""
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def build_thread(rows):
    """Nest ``rows`` (oldest first) into ``Node`` trees; a reply whose parent is missing becomes a root."""
    nodes, roots = {}, []
    for comment in rows:
        node = Node(comment)
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id)
        (parent.children if parent else roots).append(node)
    return roots, nodes


def thread_page(post, request):
    """The page of ``post``'s thread this request shows (``published.ThreadPage``), read once per request.

    ``?cpage=<n>`` asks for page n; ``?replyto=<id>`` for the page holding
    that comment. The post page's head (``canonical_query``, the page links)
    and its comment section both read it.
    """
    pages = request.__dict__.setdefault("comments_thread_pages", {})
    if post.pk not in pages:
        closed = post_closed_reason(post)
        reply_id = _int(request.GET.get("replyto"))
        pages[post.pk] = published.public_page(
            post, closed, lambda: _public_roots(post), _int(request.GET.get("cpage")), reply_id
        )
    return pages[post.pk]


def page_url(post, number, default):
    """The address of page ``number`` of ``post``'s comments: the post's own for the default page."""
    url = post.get_absolute_url()
    return url if number == default else f"{url}?{PAGE_PARAMETER}={number}"


def canonical_query(request, post):
    """What a post page's canonical address keeps of the query: the comment page, past the default."""
    page = thread_page(post, request)
    return {} if page.number == page.default else {PAGE_PARAMETER: page.number}


def page_links(post, page):
    """``(number, url, current)`` of each page of comments, oldest first; empty for a single page."""
    if page.pages < 2:
        return []
    return [
        (number, page_url(post, number, page.default), number == page.number)
        for number in range(1, page.pages + 1)
    ]


def neighbour_urls(post, page):
    """``{"previous_url", "next_url"}``: the pages before and after ``page``, None at either end."""
    return {
        "previous_url": page_url(post, page.number - 1, page.default) if page.number > 1 else None,
        "next_url": page_url(post, page.number + 1, page.default) if page.number < page.pages else None,
    }


def thread_for(post, request, form=None):
    """Everything ``comments/includes/section.html`` shows for ``post``: the same for every reader.

    A page of the stored thread (``comments.published``; ``thread_page``) and,
    unless ``form`` is a bound form to show again with its errors, a fresh form
    replying to ``?replyto=<id>``. Nothing is read from the reader's cookies:
    their own held comments, edit links and remembered details come from
    ``own_for``, fetched by the page's script, so caches can share the page.
    """
    now = timezone.now()
    closed = post_closed_reason(post, now)
    page = thread_page(post, request)
    reply_id = _int(request.GET.get("replyto"))
    reply_to = Comment.objects.approved().filter(post=post, pk=reply_id).first() if page.found else None
    if form is None and not closed:
        form = CommentForm(post=post, initial={"parent": reply_to.pk if reply_to else None})
    links = page_links(post, page)
    return {
        "post": post,
        "thread": page.html,
        "count": page.count,
        "page": page,
        "page_links": links,
        "neighbours": neighbour_urls(post, page),
        "form": form,
        "reply_to": reply_to,
        "closed_reason": closed,
        "closes_at": closes_at(published_at=post.publish_at, close_after_days=conf.get("CLOSE_AFTER_DAYS")),
        "edit_minutes": conf.get("EDIT_MINUTES"),
        "feed_url": reverse("comments:post_feed", kwargs={"post_id": post.pk}),
        "own_url": reverse("comments:own", kwargs={"post_id": post.pk}),
        "preview_url": reverse("comments:preview", kwargs={"post_id": post.pk}),
    }


def comment_url(comment):
    """Where comment ``comment`` (approved) is shown: its page of the thread and its anchor.

    A hidden comment kept for its replies is found too; one in no page leads to the thread.
    """
    post = comment.post
    page = published.public_page(
        post, post_closed_reason(post), lambda: _public_roots(post), comment_id=comment.pk
    )
    if not page.found:
        return f"{post.get_absolute_url()}#comments"
    return f"{page_url(post, page.number, page.default)}#comment-{comment.pk}"


def own_for(post, request):
    """What this browser alone sees on ``post``'s page: ``{"identity", "held", "editable"}``.

    ``identity`` is the remembered name, email and website; ``held`` the
    browser's comments awaiting moderation, each as ``{"id", "parent",
    "html"}`` (its ``<li>`` as the thread writes it); ``editable`` the ids of
    its public comments still in the edit window, with their edit and
    withdraw addresses. One query, none without own comments.
    """
    own_ids = cookies.own_comment_ids(request)
    held, editable = [], []
    if own_ids:
        now = timezone.now()
        editable_ids = cookies.editable_comment_ids(request, now.timestamp())
        rows = [row for row in thread_rows(post, own_ids) if row.pk in own_ids]
        for row in rows:
            node = Node(row, own=True, editable=row.pk in editable_ids and can_edit(row, now))
            if node.awaiting:
                html = render_thread([node], closed=True)
                held.append({"id": row.pk, "parent": row.parent_id, "html": html})
            elif node.public and node.editable:
                edit, withdraw = (reverse(f"comments:{name}", args=[row.pk]) for name in ("edit", "withdraw"))
                editable.append({"id": row.pk, "edit": edit, "withdraw": withdraw})
    return {"identity": cookies.remembered_identity(request), "held": held, "editable": editable}


def public_count(nodes):
    """How many of a thread's comments are approved (hidden ones kept for their replies are not)."""
    return sum(1 for node in nodes.values() if node.public)


def _public_roots(post):
    roots, nodes = build_thread(thread_rows(post))
    return roots, public_count(nodes)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def comment_count(status):
    """An expression counting a post's comments in ``status``: a subquery, so other joins are safe."""
    counts = (
        Comment.objects.filter(post=OuterRef("pk"), status=status)
        .order_by()
        .values("post")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def with_comment_counts(posts):
    """Annotate a Post queryset with ``approved_comment_count``."""
    return posts.annotate(approved_comment_count=comment_count(Comment.Status.APPROVED))


def attach_comment_counts(posts):
    """Set ``approved_comment_count`` on each post of an already-fetched list (or page): one query."""
    posts = [post for post in posts if not hasattr(post, "approved_comment_count")]
    if not posts:
        return
    counts = dict(
        Comment.objects.approved()
        .filter(post__in=[post.pk for post in posts])
        .order_by()
        .values_list("post")
        .annotate(total=Count("pk"))
    )
    for post in posts:
        post.approved_comment_count = counts.get(post.pk, 0)
