"""Every committed change to what a public page shows is on every page at once."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from blog.models import Post, Tag
from comments import privacy, services
from comments.models import Comment
from tests.factories import make_comment, make_post, make_source, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def page(url):
    return Client().get(url)


def warm(url):
    """Fetch ``url`` twice, so a stored copy exists, and return the cached page's text."""
    page(url)
    response = page(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_publishing_a_post_shows_on_the_home_page_at_once(django_capture_on_commit_callbacks):
    """A draft made public appears on the cached home page as soon as it is saved."""
    draft = make_post(title="Coming out", status=Post.Status.DRAFT)
    assert "Coming out" not in warm("/")
    with django_capture_on_commit_callbacks(execute=True):
        draft.status = Post.Status.PUBLISHED
        draft.save()
    response = page("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Coming out" in response.content.decode()


def test_editing_a_post_shows_on_its_page_and_the_home_page(django_capture_on_commit_callbacks):
    """A new title replaces the old one on every cached page that shows it."""
    post = make_post(title="First title")
    warm("/"), warm(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Second title"
        post.save()
    for url in ["/", post.get_absolute_url()]:
        assert "Second title" in page(url).content.decode()


def test_a_change_that_is_rolled_back_retires_nothing(django_capture_on_commit_callbacks):
    """The retirement waits for the commit: without one, the stored pages stay."""
    post = make_post(title="Steady")
    warm("/")
    post.title = "Never committed"
    post.save()
    assert page("/")["X-Page-Cache"] == "hit"


def test_tagging_a_post_retires_the_pages(django_capture_on_commit_callbacks):
    """Adding a tag to a post (a many-to-many change) retires the lists showing it."""
    post = make_post()
    warm("/")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post.tags.add(Tag.objects.create(name="Sahel", slug="sahel"))
    assert callbacks
    assert page("/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("status", [Comment.Status.APPROVED, Comment.Status.REMOVED])
def test_moderating_a_comment_shows_on_the_post_page_at_once(django_capture_on_commit_callbacks, status):
    """Approving a held comment shows it; removing an approved one hides it (both are bulk writes)."""
    post = make_post()
    before = Comment.Status.PENDING if status == Comment.Status.APPROVED else Comment.Status.APPROVED
    comment = make_comment(post=post, body="Moderate me.", status=before)
    assert ("Moderate me." in warm(post.get_absolute_url())) is (before == Comment.Status.APPROVED)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(comments=[comment], status=status, moderator=make_staff())
    shown = "Moderate me." in page(post.get_absolute_url()).content.decode()
    assert shown is (status == Comment.Status.APPROVED)


def test_a_new_held_comment_retires_nothing(django_capture_on_commit_callbacks):
    """Only its writer sees a held comment, and their cookie bypasses the cache: the pages stay."""
    post = make_post()
    warm(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_comment(post=post, status=Comment.Status.PENDING)
    assert not callbacks
    assert page(post.get_absolute_url())["X-Page-Cache"] == "hit"


def test_erasing_a_commenter_shows_at_once(django_capture_on_commit_callbacks):
    """The data-erasure command's bulk update replaces the name on the cached page."""
    post = make_post()
    make_comment(post=post, author_name="Ada Named", author_email="ada@example.org", status="approved")
    assert "Ada Named" in warm(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        privacy.commenter_erase(email="ada@example.org")
    assert "Ada Named" not in page(post.get_absolute_url()).content.decode()


def test_changing_a_source_shows_on_its_page(django_capture_on_commit_callbacks):
    """A corrected source title shows on the source's cached page."""
    source = make_source(title="Old title")
    url = source.get_absolute_url()
    assert "Old title" in warm(url)
    with django_capture_on_commit_callbacks(execute=True):
        source.title = "Corrected title"
        source.save()
    assert "Corrected title" in page(url).content.decode()


def test_deleting_a_post_removes_it(django_capture_on_commit_callbacks):
    """A deleted post leaves the cached home page at once."""
    post = make_post(title="Going away")
    assert "Going away" in warm("/")
    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
    assert "Going away" not in page("/").content.decode()


def test_renaming_an_author_shows_but_a_login_retires_nothing(django_capture_on_commit_callbacks):
    """The byline follows the author's name; recording a login changes no page."""
    post = make_post()
    warm("/")
    user = get_user_model().objects.get(pk=post.author_id)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        user.last_login = timezone.now()
        user.save(update_fields=["last_login"])
    assert not callbacks
    with django_capture_on_commit_callbacks(execute=True):
        user.first_name, user.last_name = "Margaret", "Coker"
        user.save()
    assert "Margaret Coker" in page("/").content.decode()


def test_a_scheduled_post_appears_when_its_time_comes():
    """Nobody saves anything when a scheduled post goes public; its date alone retires the pages."""
    make_post(title="On the hour", publish_at=timezone.now() + timezone.timedelta(seconds=1))
    assert "On the hour" not in warm("/")
    time.sleep(1.1)
    assert "On the hour" in page("/").content.decode()


def test_approving_a_comment_retires_its_post_page_and_comment_feeds_only(django_capture_on_commit_callbacks):
    """The post's page and its comment feeds are rendered again; the home page and other posts stay hits."""
    with django_capture_on_commit_callbacks(execute=True):
        post, other = make_post(title="Busy"), make_post(title="Quiet")
        comment = make_comment(post=post, body="Worth approving.", status=Comment.Status.PENDING)
    retired = [post.get_absolute_url(), f"/comments/feed/{post.pk}/", "/comments/feed/"]
    kept = ["/", other.get_absolute_url(), f"/comments/feed/{other.pk}/"]
    for url in retired + kept:
        warm(url)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_moderate(comments=[comment], status=Comment.Status.APPROVED, moderator=make_staff())
    responses = {url: page(url) for url in retired + kept}
    assert {url: response["X-Page-Cache"] for url, response in responses.items()} == {
        **dict.fromkeys(retired, "miss"),
        **dict.fromkeys(kept, "hit"),
    }
    assert "Worth approving." in responses[post.get_absolute_url()].content.decode()


def test_editing_a_post_leaves_other_posts_pages_stored(django_capture_on_commit_callbacks):
    """A retitled post retires its page, its neighbours' and the lists, not another post's page."""
    with django_capture_on_commit_callbacks(execute=True):
        post, _, _, other = (make_post(title=title) for title in ["Retitled", "Second", "Third", "Untouched"])
    warm(other.get_absolute_url()), warm(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Retitled again"
        post.save()
    assert page(post.get_absolute_url())["X-Page-Cache"] == "miss"
    assert page(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_change_committed_while_a_page_renders_retires_that_page(monkeypatch):
    """A page is stored with the clock read before it was rendered: a retirement meanwhile makes it stale."""
    from blog import views
    from pagecache import versions

    post = make_post(title="Raced")
    url = post.get_absolute_url()
    render = views.render

    def retired_meanwhile(*args, **kwargs):
        response = render(*args, **kwargs)
        versions.retire({f"post-{post.pk}"})
        return response

    monkeypatch.setattr(views, "render", retired_meanwhile)
    assert page(url)["X-Page-Cache"] == "miss"
    monkeypatch.setattr(views, "render", render)
    assert page(url)["X-Page-Cache"] == "miss"
    assert page(url)["X-Page-Cache"] == "hit"


def test_one_announcement_retires_the_stored_pages_and_purges_the_front_cache(
    settings, django_capture_on_commit_callbacks
):
    """The page cache has no registry of its own: what purges the front cache retires its pages too."""
    from tests.httpcache.test_purge import FrontCache
    from tests.queue import run_jobs

    front_cache = FrontCache()
    settings.HTTPCACHE_FRONT_CACHES = [front_cache.url]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            post = make_post(title="Both ways")
            comment = make_comment(post=post, body="Heard twice.", status=Comment.Status.PENDING)
            moderator = make_staff()
        run_jobs()
        warm(post.get_absolute_url()), warm("/")
        front_cache.received.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_moderate(comments=[comment], status=Comment.Status.APPROVED, moderator=moderator)
        run_jobs()
        assert [header for *_, header in front_cache.received] == [f"comments thread-{post.pk}"]
        assert page(post.get_absolute_url())["X-Page-Cache"] == "miss"
        assert page("/")["X-Page-Cache"] == "hit"
    finally:
        front_cache.shutdown()
        front_cache.server_close()
