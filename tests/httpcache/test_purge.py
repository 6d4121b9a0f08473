"""A change purges, from every front cache, only the pages that show it: one PURGE naming the keys."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks_db.models import DBTaskResult

from blog.models import Post, Tag
from comments.models import Comment
from comments.services import comment_moderate
from httpcache import purge
from tests.factories import make_comment, make_post, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


class FrontCache(ThreadingHTTPServer):
    """A local HTTP server standing for Varnish: it records each request and answers ``status``."""

    def __init__(self, status=200):
        self.received, self.status = [], status
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                server.received.append((self.command, self.path, self.headers.get(purge.HEADER)))
                self.send_response(server.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def front_caches(settings, django_capture_on_commit_callbacks):
    caches = [FrontCache(), FrontCache()]
    settings.HTTPCACHE_FRONT_CACHES = [cache.url for cache in caches]
    caches[0].committing = lambda: django_capture_on_commit_callbacks(execute=True)
    yield caches
    for cache in caches:
        cache.shutdown()
        cache.server_close()


def made(front_caches, make):
    """The rows ``make`` returns, committed and their purges sent, so a test starts from nothing pending."""
    with front_caches[0].committing():
        rows = make()
    run_jobs()
    return rows


def purged(front_caches, write):
    """The keys each front cache was asked to purge after ``write`` committed and the worker ran."""
    for cache in front_caches:
        cache.received.clear()
    with front_caches[0].committing():
        write()
    run_jobs()
    found = [[header.split() for method, path, header in cache.received] for cache in front_caches]
    assert all(received == found[0] for received in found)
    assert all(
        (method, path) == ("PURGE", "/") for cache in front_caches for method, path, _ in cache.received
    )
    return found[0]


def test_approving_a_comment_purges_its_thread_not_the_home_page_or_other_posts(front_caches):
    """Approval sends one PURGE with the post's thread (its page and comment feeds) and the comments feed."""
    post, other, comment, moderator = made(
        front_caches,
        lambda: (post := make_post(), make_post(), make_comment(post=post), make_user(is_staff=True)),
    )
    assert comment.status == Comment.Status.PENDING
    keys = purged(
        front_caches, lambda: comment_moderate(comments=[comment], status="approved", moderator=moderator)
    )
    assert keys == [["comments", f"thread-{post.pk}"]]
    assert f"thread-{other.pk}" not in keys[0] and "home" not in keys[0] and "posts" not in keys[0]


def test_publishing_a_post_purges_the_lists_and_feeds_that_show_it(front_caches):
    """One PURGE per transaction: the new post's page, every list of posts (home, feeds…), its author."""
    keys = purged(front_caches, make_post)
    post = Post.objects.get()
    assert keys == [[f"author-{post.author_id}", f"post-{post.pk}", "posts"]]


def test_tagging_a_post_purges_the_post(front_caches):
    """Adding a tag purges the post's pages; a tag rename the tag's, the tag list and every list of posts."""
    post, tag = made(front_caches, lambda: (make_post(), Tag.objects.create(name="Mali", slug="mali")))
    assert purged(front_caches, lambda: post.tags.add(tag)) == [[f"post-{post.pk}", "posts"]]
    tag.name = "Mali (country)"
    assert purged(front_caches, tag.save) == [sorted([f"tag-{tag.pk}", "tags", "posts"])]


def test_a_purge_is_retried_while_a_front_cache_is_down(front_caches):
    """A front cache answering 503 makes the job fail, so it is queued again; the others are still purged."""
    front_caches[0].status = 503
    with pytest.raises(ConnectionError, match="503"):
        purge.send(["post-1"])
    assert [header for *_, header in front_caches[1].received] == ["post-1"]


def test_without_front_caches_nothing_is_queued(settings, django_capture_on_commit_callbacks):
    """With no front cache listed, a change queues no purge."""
    settings.HTTPCACHE_FRONT_CACHES = []
    with django_capture_on_commit_callbacks(execute=True):
        make_post()
    assert not DBTaskResult.objects.filter(task_path="httpcache.tasks.purge").exists()


def test_the_front_caches_are_purged_as_the_change_commits_with_no_worker(front_caches, settings):
    """The committing process sends the purge itself, once: no job waits for a worker's next look.

    No second purge follows: Varnish stores a page fetched while the change committed already stale.
    """
    settings.HTTPCACHE_PURGE_AGAIN_SECONDS = 2
    with front_caches[0].committing():
        purge.purge_on_commit({"post-1"})
    assert [[header for *_, header in cache.received] for cache in front_caches] == [["post-1"], ["post-1"]]
    assert not DBTaskResult.objects.filter(task_path="httpcache.tasks.purge").exists()


def test_a_front_cache_that_missed_the_purge_at_commit_gets_it_from_the_worker(front_caches):
    """A front cache down at commit does not lose the purge: the job sends it, retried until it answers."""
    front_caches[0].status = 503
    with front_caches[0].committing():
        purge.purge_on_commit({"post-1"})
    front_caches[0].status = 200
    run_jobs()
    assert [header for *_, header in front_caches[0].received] == ["post-1", "post-1"]
    assert [header for *_, header in front_caches[1].received] == ["post-1", "post-1"]


def test_the_page_cache_retires_before_any_purge_goes_out(front_caches):
    """Behind a front cache, no purge may make it refetch a page still stored here."""
    from httpcache.signals import keys_changed

    purges_when_announced = []

    def listener(keys, **kwargs):
        purges_when_announced.append(len(front_caches[0].received))

    keys_changed.connect(listener)
    try:
        with front_caches[0].committing():
            purge.purge_on_commit({"post-1"})
    finally:
        keys_changed.disconnect(listener)
    assert purges_when_announced == [0]
    assert len(front_caches[0].received) == 1
