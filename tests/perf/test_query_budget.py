"""Pages cost a fixed number of queries however many comments, notes, tags, posts or sources they list."""

import pytest

from blog.models import Page, Tag
from blog.rendering import ExcerptInfo, FootnoteInfo, Rendering
from comments.models import Comment
from tests.factories import make_comment, make_post, make_source
from tests.perf.query_budget import assert_flat, count_queries

pytestmark = pytest.mark.django_db


def citing(*sources, notes=1):
    """A Rendering citing each source in ``notes`` footnotes and one excerpt."""
    footnotes = [
        FootnoteInfo(number, source.key, f"p. {number}", f"<i>{source.title}</i>, p. {number}.")
        for number, source in enumerate([s for s in sources for _ in range(notes)], start=1)
    ]
    excerpts = [ExcerptInfo(1, source.key, "", "Quoted.", 1, 0) for source in sources[:1]]
    return Rendering(html="<p>Body.</p>", footnotes=footnotes, excerpts=excerpts, word_count=10)


def add_thread(post, number):
    """``number`` approved comments, every fourth a reply to the one before."""
    previous = None
    for index in range(number):
        parent = previous if index % 4 == 3 else None
        previous = make_comment(post=post, parent=parent, status=Comment.Status.APPROVED)


def tag(post, number):
    for index in range(number):
        item, _ = Tag.objects.get_or_create(name=f"Topic {index}", slug=f"topic-{index}")
        post.tags.add(item)


def test_post_page_does_not_grow_with_comments_notes_or_tags():
    """One more comment thread of 20, twelve more footnotes and five tags cost no extra query.

    The post shares a tag with another from the start: related posts cost two queries when there are any
    (its sources' ids, read once for them and the surrogate keys, are counted with the post).
    """
    post = make_post()
    add_thread(post, 1)
    tag(post, 1)
    tag(make_post(), 1)

    def add_more():
        add_thread(post, 20)
        tag(post, 5)
        post.save(rendering=citing(make_source(), make_source(), notes=6))

    # The post with its author, its tags, its comment thread, its sources' ids (for related posts
    # and the surrogate keys alike); the older and the newer post; related posts (what others share,
    # the chosen posts).
    assert assert_flat(post.get_absolute_url(), add_more) <= 8


def test_home_page_does_not_grow_with_posts():
    """A full page of ten posts, each with comments and tags, costs what one post does."""
    add_thread(make_post(), 2)

    def add_more():
        for _ in range(11):
            post = make_post()
            add_thread(post, 2)
            tag(post, 2)

    assert assert_flat("/", add_more) <= 5


@pytest.mark.parametrize("feed", ["site", "post"])
def test_comment_feeds_do_not_grow_with_comments(feed):
    """The site-wide and per-post comment feeds cost the same with 1 comment or 30."""
    post = make_post()
    add_thread(post, 1)
    url = "/comments/feed/" if feed == "site" else f"/comments/feed/{post.pk}/"
    assert assert_flat(url, lambda: add_thread(post, 29)) <= 3


def test_source_page_does_not_grow_with_citing_posts():
    """A source cited by eight posts costs what a source cited by one does."""
    source = make_source()
    make_post().save(rendering=citing(source))

    def add_more():
        for _ in range(7):
            make_post().save(rendering=citing(source, make_source(), notes=3))

    assert assert_flat(source.get_absolute_url(), add_more) <= 4


def test_count_queries_sees_every_query():
    """The helper counts what a page runs (a page with posts runs some), so the budgets above can fail."""
    make_post()
    assert count_queries("/") >= 2


def test_standalone_page_costs_a_fixed_number_of_queries():
    """A page costs one query (the page itself), however long its body."""
    page = Page.objects.create(title="About", slug="about", body="Words.", status=Page.Status.PUBLISHED)

    def add_more():
        page.body = "\n\n".join(f"Paragraph {number} with *emphasis*." for number in range(200))
        page.save()

    assert assert_flat(page.get_absolute_url(), add_more) <= 1
