"""Quotations checked against the source's kept copy: in the post's outline, on save, and for readers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog import derived
from blog.models import Post
from capture import checks
from capture.models import QuotationCheck, Snapshot
from tests.blog.test_admin import ADD_URL, post_form
from tests.factories import make_post, make_source
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db

KEPT = (
    "DIABALY, Mali—The militants came at dawn, in pickup trucks mounted with heavy machine guns.\n\n"
    "Residents said the fighters—many of them foreigners—went door to door looking for soldiers’ families."
)
FAITHFUL = (
    "> The militants came at dawn … [Comment: they always do.] the fighters -- many of them foreigners -- "
    "went door to door.\n>\n> — [@wsj]"
)
ALTERED = "> Residents said the fighters -- many of them foreigners -- fled door to door.\n>\n> — [@wsj]"


@pytest.fixture
def source(settings):
    settings.CAPTURE_SNAPSHOT_CITED = False
    source = make_source(key="wsj", url="https://news.example/outgunned")
    Snapshot.objects.create(source=source, url=source.url, fetched="2026-03-04T12:00:00Z", text=KEPT)
    return source


def text_of(response):
    return " ".join(response.content.decode().split())


def test_a_saved_post_is_checked_in_the_background(source, django_capture_on_commit_callbacks):
    """Saving queues the check; the worker records each excerpt's spans against the newest good copy."""
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post(body=f"{FAITHFUL}\n\nAnd\n\n{ALTERED}")
    run_jobs()
    first, second = QuotationCheck.objects.filter(post=post)
    assert (first.position, first.status, second.position, second.status) == (1, "found", 2, "not_found")
    assert first.snapshot.fetched.isoformat() == "2026-03-04T12:00:00+00:00"
    assert [span["text"] for span in first.spans] == [
        "The militants came at dawn",
        "the fighters - many of them foreigners - went door to door",
    ]


def test_without_a_copy_the_check_waits_for_the_snapshot(settings, django_capture_on_commit_callbacks):
    """No snapshot: "no snapshot"; once the page is kept (here by hand), the check is made again."""
    source = make_source(key="wsj", url="https://news.example/outgunned")
    settings.CAPTURE_SNAPSHOT_CITED = False
    post = make_post(body=FAITHFUL)
    assert checks.check_posts([post.pk])[0].status == "no_snapshot"
    Snapshot.objects.create(source=source, url=source.url, fetched="2026-03-04T12:00:00Z", text=KEPT)
    checks.check_posts(checks.posts_quoting(source.pk))
    assert QuotationCheck.objects.get(post=post).status == "found"


def test_saving_a_misquotation_warns_and_saves_and_the_outline_shows_the_nearest_passage(
    source, admin_client, admin_user
):
    """The next page warns; the outline shows the miss, the passage the source has, the word that differs."""
    response = admin_client.post(ADD_URL, post_form(body=ALTERED, author=admin_user.pk), follow=True)
    assert response.redirect_chain, "the post was saved"
    assert "Not found in the source&#x27;s kept copy: the quotation of excerpt 1." in text_of(response)
    post = Post.objects.get(slug="a-new-post")
    page = text_of(admin_client.get(reverse("admin:blog_post_change", args=[post.pk])))
    assert "Not found</strong> in the copy of wsj kept on March 4, 2026" in page
    assert (
        "✗ not found: “Residents said the fighters - many of them foreigners - fled door to door”; "
        "nearest passage: “heavy machine guns. Residents said the fighters - many of them foreigners - "
        "went door to door looking for soldiers”"
    ) in page
    assert "(differs at: fled)" in page


def test_saving_a_faithful_quotation_warns_of_nothing(source, admin_client, admin_user):
    """Every span found: no warning, and the outline says found, span by span."""
    response = admin_client.post(ADD_URL, post_form(body=FAITHFUL, author=admin_user.pk), follow=True)
    assert "Not found in the source" not in text_of(response)
    post = Post.objects.get(slug="a-new-post")
    page = text_of(admin_client.get(reverse("admin:blog_post_change", args=[post.pk])))
    assert "Found</strong> in the copy of wsj kept on March 4, 2026" in page
    assert "✓ found: “The militants came at dawn”" in page


class TestPublicNote:
    @pytest.fixture
    def post(self, source, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            post = make_post(body=f"{FAITHFUL}\n\nBetween them.\n\n{ALTERED}")
            checks.check_posts([post.pk])
        return post

    def test_readers_see_the_note_under_a_quotation_found_word_for_word(self, post, client, settings):
        """With CAPTURE_SHOW_CHECKED the first excerpt says when it was checked; the altered one, nothing."""
        settings.CAPTURE_SHOW_CHECKED = True
        page = text_of(client.get(post.get_absolute_url()))
        note = (
            '</figure><p class="excerpt-checked">Checked against the source on '
            '<time datetime="2026-03-04">March 4, 2026</time>.</p> <p>Between them.</p>'
        )
        assert note in page
        assert page.count("Checked against the source") == 1

    def test_the_note_is_off_by_default_and_costs_one_query_when_on(self, post, client, settings):
        """Off, nothing shows; on, the page reads the checks in one query more."""
        client.get(post.get_absolute_url())  # sessions, sites and the like warmed
        with CaptureQueriesContext(connection) as off:
            page = text_of(client.get(post.get_absolute_url()))
        assert "Checked against the source" not in page
        settings.CAPTURE_SHOW_CHECKED = True
        with CaptureQueriesContext(connection) as on:
            client.get(post.get_absolute_url())
        assert len(on) == len(off) + 1

    def test_a_check_that_changes_retires_the_page(
        self, post, source, announced, django_capture_on_commit_callbacks
    ):
        """A new copy without the passage changes the check: the post's page key is announced, once."""
        with django_capture_on_commit_callbacks(execute=True):
            Snapshot.objects.create(
                source=source, url=source.url, fetched="2026-05-01T00:00:00Z", text="Gone."
            )
        announced.clear()
        with django_capture_on_commit_callbacks(execute=True):
            checks.check_posts([post.pk])
        with django_capture_on_commit_callbacks(execute=True):
            checks.check_posts([post.pk])
        assert announced == [{f"post-{post.pk}"}]


def test_a_bulk_re_render_checks_the_posts_again(source, django_capture_on_commit_callbacks):
    """A body changed without a save (an import, a script) and re-rendered is checked on the new words."""
    post = make_post(body=FAITHFUL)
    checks.check_posts([post.pk])
    Post.objects.filter(pk=post.pk).update(body=ALTERED)
    with django_capture_on_commit_callbacks(execute=True):
        derived.rerender([post.pk])
    assert QuotationCheck.objects.get(post=post).status == "not_found"
