"""Everything derived from a post follows its inputs: a renamed source, a changed style or dialect.

Each test reads the page a reader gets, with the page cache on: what a
source's new title, or a new citation style, changes must not linger in a
cached copy after the background jobs (or ``manage.py rerender``) have run.
"""

import json
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from blog import derived
from blog.models import Page, Post
from citations import formats
from citations.services import import_file
from citations.styles import STYLES
from jobs.signals import worker_started
from tests.factories import make_post, make_source
from tests.queue import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

OLD, NEW = "Defenders Outgunned", "Islamists Hold the Desert"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: the page-cache retirements it asks for happen."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def shouting(settings, monkeypatch):
    """A function that switches CITATION_STYLE to the tests' all-capitals style."""
    monkeypatch.setitem(STYLES, "shouting", "tests.blog.shouting_style")
    return lambda: setattr(settings, "CITATION_STYLE", "shouting")


def read(url):
    """The page a reader gets, served from the cache once it has been stored there."""
    Client().get(url)
    return Client().get(url)


def citations_in(content):
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.DOTALL)
    return [work["name"] for work in json.loads(script).get("citation", [])]


def citing_post(key, **fields):
    return make_post(body=f"A report.[@{key}, 4]\n\n> Their words.\n>\n> — [@{key}]\n", **fields)


def assert_shows_only(url, title, gone):
    response = read(url)
    content = response.content.decode()
    assert response["X-Page-Cache"] == "hit"
    assert title in content and gone not in content
    assert citations_in(content) == [title]


def queued():
    """How many jobs wait to run."""
    return DBTaskResult.objects.ready().count()


def csl_json(*sources):
    return formats.write([{"id": key, "type": "book", "title": title} for key, title in sources], "csl-json")


class TestRenamedSource:
    def test_a_source_renamed_in_the_admin_shows_on_every_citing_page_after_the_job(
        self, admin_client, committed
    ):
        """The admin save answers without re-rendering; the queued job brings the new title to every page."""
        source = make_source(key="hinshaw2013", title=OLD)
        posts = [citing_post("hinshaw2013") for _ in range(3)]
        run_jobs()
        for post in posts:
            assert OLD in read(post.get_absolute_url()).content.decode()
        change = reverse("admin:citations_source_change", args=[source.pk])
        data = {"key": "hinshaw2013", "type": "book", "title": NEW, "authors": "", "editors": ""}
        with committed():
            assert admin_client.post(change, data).status_code == 302
        assert queued() == 1
        assert NEW not in read(posts[0].get_absolute_url()).content.decode()
        with committed():
            run_jobs()
        for post in posts:
            assert_shows_only(post.get_absolute_url(), NEW, gone=OLD)

    def test_a_source_renamed_by_import_sources_shows_on_citing_pages(self, tmp_path, committed):
        """``manage.py import_sources`` of a new title queues a job; the citing pages then show that title."""
        make_source(key="hinshaw2013", title=OLD)
        post = citing_post("hinshaw2013")
        assert OLD in read(post.get_absolute_url()).content.decode()
        path = tmp_path / "library.json"
        path.write_text(csl_json(("hinshaw2013", NEW)))
        with committed():
            call_command("import_sources", str(path), stdout=StringIO())
        with committed():
            run_jobs()
        assert_shows_only(post.get_absolute_url(), NEW, gone=OLD)

    def test_an_import_renaming_many_sources_queues_one_job_for_all(self, committed):
        """Two renamed sources, one job: each citing post's notes and JSON-LD follow its own source."""
        import_file(csl_json(("a", "Old A"), ("b", "Old B"), ("c", "Untouched C")), "csl-json")
        run_jobs()
        first, second, third = citing_post("a"), citing_post("b"), citing_post("c")
        for post in (first, second, third):
            read(post.get_absolute_url())
        with committed():
            report = import_file(csl_json(("a", "New A"), ("b", "New B"), ("c", "Untouched C")), "csl-json")
        assert (report.updated, queued()) == (["a", "b"], 1)
        with committed():
            run_jobs()
        assert_shows_only(first.get_absolute_url(), "New A", gone="Old A")
        assert_shows_only(second.get_absolute_url(), "New B", gone="Old B")
        assert_shows_only(third.get_absolute_url(), "Untouched C", gone="New")

    def test_a_new_source_resolves_posts_that_named_it_before_it_existed(self, committed):
        """A post citing a key the library lacked shows the source once an import adds it."""
        post = citing_post("later")
        assert "Arrived later" not in read(post.get_absolute_url()).content.decode()
        with committed():
            import_file(csl_json(("later", "Arrived later")), "csl-json")
            run_jobs()
        assert_shows_only(post.get_absolute_url(), "Arrived later", gone="[@later")

    def test_re_rendering_keeps_the_date_and_the_revisions(self, committed):
        """A re-render is not an edit: ``updated`` (the page's dateModified) stays and no revision is kept."""
        source = make_source(key="k", title=OLD)
        post = citing_post("k")
        before = Post.objects.get(pk=post.pk).updated
        source.title = NEW
        source.save()
        run_jobs()
        post.refresh_from_db()
        assert (post.updated, post.revisions.count()) == (before, 0)
        assert f'"dateModified": "{before.isoformat()}"' in read(post.get_absolute_url()).content.decode()


class TestStaleRenderings:
    def test_a_changed_citation_style_shows_after_rerender_stale(self, shouting, committed):
        """``rerender`` (``--stale`` by default) rebuilds posts and pages of the old style, with progress."""
        make_source(key="k", title="Quiet title")
        posts = [citing_post("k") for _ in range(3)]
        page = Page.objects.create(title="About", slug="about", status=Page.Status.PUBLISHED, body="On [@k].")
        urls = [post.get_absolute_url() for post in posts] + [page.get_absolute_url()]
        for url in urls:
            assert "SHOUTED" not in read(url).content.decode()
        shouting()
        out = StringIO()
        with committed():
            call_command("rerender", "--batch-size", "2", stdout=out)
        assert "2/3 posts" in out.getvalue() and "3/3 posts" in out.getvalue()
        assert "Re-rendered 3 posts and 1 page" in out.getvalue()
        for url in urls:
            assert "SHOUTED QUIET TITLE" in read(url).content.decode()
        out = StringIO()
        call_command("rerender", stdout=out)
        assert "Re-rendered 0 posts and 0 pages" in out.getvalue()

    def test_rerender_all_rebuilds_current_renderings_too(self):
        """``--all`` re-renders every post and page, even those whose stamp is current."""
        posts = [make_post() for _ in range(2)]
        Page.objects.create(title="About", slug="about", body="Hello.")
        Post.objects.filter(pk=posts[0].pk).update(body_html="<p>Tampered</p>")
        out = StringIO()
        call_command("rerender", "--all", stdout=out)
        assert "Re-rendered 2 posts and 1 page" in out.getvalue()
        assert "Tampered" not in read(posts[0].get_absolute_url()).content.decode()

    def test_a_bumped_pipeline_version_makes_every_rendering_stale(self, monkeypatch):
        """Changing ``blog.rendering.VERSION`` leaves no stored rendering current."""
        make_post(), make_post()
        assert not derived.stale(Post.objects.all()).exists()
        monkeypatch.setattr(derived, "VERSION", derived.VERSION + 1)
        assert derived.stale(Post.objects.all()).count() == 2

    def test_migrate_queues_a_rebuild_of_stale_renderings_and_the_worker_runs_it(self, shouting, committed):
        """After a deploy (``migrate``) under a new style, the worker brings every page to it."""
        make_source(key="k", title="Quiet title")
        post = citing_post("k")
        assert "SHOUTED" not in read(post.get_absolute_url()).content.decode()
        run_jobs()
        shouting()
        blog = apps.get_app_config("blog")
        post_migrate.send(sender=blog, app_config=blog, verbosity=0, interactive=False, using="default")
        assert queued() == 1
        with committed():
            run_jobs()
        assert "SHOUTED QUIET TITLE" in read(post.get_absolute_url()).content.decode()

    def test_a_worker_starting_queues_a_rebuild_of_stale_renderings(self, shouting, committed):
        """A restart under a new style without ``migrate``: the worker, starting, brings every page to it."""
        make_source(key="k", title="Quiet title")
        post = citing_post("k")
        run_jobs()
        shouting()
        worker_started.send(sender=None, worker_id="starting")
        assert queued() == 1
        with committed():
            run_jobs()
        assert "SHOUTED QUIET TITLE" in read(post.get_absolute_url()).content.decode()
        worker_started.send(sender=None, worker_id="again")
        assert queued() == 0

    def test_migrate_queues_nothing_when_every_rendering_is_current(self):
        """A migrate that changes nothing the renderings depend on leaves the queue empty."""
        make_post()
        blog = apps.get_app_config("blog")
        post_migrate.send(sender=blog, app_config=blog, verbosity=0, interactive=False, using="default")
        assert queued() == 0

    def test_rerender_asks_a_fixed_number_of_queries_a_batch(self):
        """Re-rendering 4 or 16 posts in one batch costs the same queries: no query per post."""
        make_source(key="k", title="A title")

        def queries(count):
            posts = [citing_post("k") for _ in range(count)]
            with CaptureQueriesContext(connection) as captured:
                derived.rerender([post.pk for post in posts])
            return len(captured)

        assert queries(4) == queries(16)

    def test_rerender_of_a_missing_source_says_so(self):
        """``--source`` with an unknown key re-renders the posts naming it and says the key is unknown."""
        post = citing_post("ghost")
        out, err = StringIO(), StringIO()
        call_command("rerender", "--source", "ghost", stdout=out, stderr=err)
        assert "No source has the key ghost" in err.getvalue()
        assert "Re-rendered 1 post" in out.getvalue()
        assert post.pk


class TestDeferredRenderings:
    """Many posts saved in one transaction (an import) are rendered together when the block ends."""

    def test_posts_saved_inside_the_block_are_rendered_with_their_rows_when_it_ends(self):
        make_source(key="k", title="A title")
        author = make_post().author
        with transaction.atomic(), derived.deferred():
            post = Post.objects.create(
                title="Deferred",
                slug="deferred",
                body="A report.[@k, 4]\n\n> Their words.\n>\n> — [@k]\n",
                author=author,
                status=Post.Status.PUBLISHED,
                publish_at=timezone.now() - timezone.timedelta(days=1),
            )
            assert Post.objects.values_list("body_html", flat=True).get(pk=post.pk) == ""
        post.refresh_from_db()
        assert "Their words." in post.body_html and post.rendered_with == derived.stamp()
        assert post.excerpts.get().source.key == "k" and post.footnotes.exists()
        assert "Their words." in read(post.get_absolute_url()).content.decode()

    def test_the_end_of_a_block_costs_the_same_queries_for_4_posts_as_for_16(self):
        make_source(key="k", title="A title")
        author = make_post().author

        def queries(count):
            with transaction.atomic():
                block = derived.deferred()
                block.__enter__()
                for number in range(count):
                    citing_post("k", author=author, slug=f"c-{count}-{number}")
                with CaptureQueriesContext(connection) as captured:
                    block.__exit__(None, None, None)
            assert not Post.objects.filter(body_html="").exists()
            return len(captured)

        assert queries(4) == queries(16)

    def test_a_block_that_raises_renders_nothing_and_closes(self):
        with pytest.raises(RuntimeError), transaction.atomic(), derived.deferred():
            make_post()
            raise RuntimeError
        assert not derived.deferring()
        assert not Post.objects.exists()

    def test_outside_a_block_a_save_renders_at_once(self):
        assert not derived.deferring()
        assert "Plain words." in make_post(body="Plain words.").body_html
