"""Posts store their rendering and derived rows on save; the public sees only what is published."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from blog.models import Aside, Excerpt, Footnote, Post, render_body
from blog.rendering import Rendering, render_post
from tests.factories import make_post, make_rendering, make_source
from tests.queue import run_jobs


@pytest.mark.django_db
class TestVisibility:
    def test_published_excludes_drafts_and_scheduled_posts(self):
        """Only published posts whose date has come are public."""
        public = make_post()
        draft = make_post(status=Post.Status.DRAFT)
        scheduled = make_post(publish_at=timezone.now() + timezone.timedelta(hours=1))
        assert list(Post.objects.published()) == [public]
        assert list(Post.objects.scheduled()) == [scheduled]
        assert list(Post.objects.drafts()) == [draft]
        assert (scheduled.state_label, draft.state_label, public.state_label) == (
            "Scheduled",
            "Draft",
            "Published",
        )

    def test_scheduled_permalink_is_not_found_for_the_public(self, client):
        """A scheduled post's permalink answers 404 until its date."""
        post = make_post(publish_at=timezone.now() + timezone.timedelta(days=1))
        assert client.get(post.get_absolute_url()).status_code == 404

    def test_published_permalink_shows_the_stored_html(self, client):
        """The public page shows the HTML stored on save, not a fresh rendering."""
        post = make_post()
        Post.objects.filter(pk=post.pk).update(body_html="<p>Stored marker</p>")
        assert "Stored marker" in client.get(post.get_absolute_url()).content.decode()


@pytest.mark.django_db
class TestDerivedRows:
    def test_save_stores_html_counts_and_rows_from_the_rendering(self):
        """Saving stores the HTML, the word counts and one row per excerpt, aside and footnote."""
        source = make_source()
        post = make_post()
        post.save(rendering=make_rendering(source_key=source.key))
        post.refresh_from_db()
        assert post.body_html == "<p>Rendered.</p>"
        assert (post.word_count, post.quoted_word_count, post.quoted_percent) == (20, 5, 25)
        excerpt = Excerpt.objects.get(post=post)
        assert (excerpt.source, excerpt.locator, excerpt.word_count, excerpt.omissions) == (
            source,
            "p. 4",
            5,
            1,
        )
        assert Aside.objects.get(post=post).excerpt == excerpt
        footnote = Footnote.objects.get(post=post)
        assert (footnote.number, footnote.source, footnote.note_html) == (1, source, "<i>A Note</i>, p. 4.")

    def test_second_save_replaces_rows_rather_than_adding(self):
        """Saving twice leaves one set of derived rows."""
        post = make_post()
        post.save(rendering=make_rendering())
        post.save(rendering=make_rendering())
        assert (post.excerpts.count(), post.asides.count(), post.footnotes.count()) == (1, 1, 1)
        post.save(rendering=Rendering(html="<p>Plain.</p>"))
        assert (post.excerpts.count(), post.asides.count(), post.footnotes.count()) == (0, 0, 0)

    def test_rows_and_html_are_saved_in_one_transaction(self, monkeypatch):
        """If rebuilding the rows fails, the new HTML is not stored either."""
        post = make_post()
        post.save(rendering=make_rendering(html="<p>First.</p>"))

        def fail(*args, **kwargs):
            raise RuntimeError("database went away")

        monkeypatch.setattr(Footnote.objects, "bulk_create", fail)
        post.body = "Changed."
        with pytest.raises(RuntimeError), transaction.atomic():
            post.save(rendering=make_rendering(html="<p>Second.</p>"))
        post.refresh_from_db()
        assert post.body_html == "<p>First.</p>"
        assert post.footnotes.count() == 1

    def test_save_without_a_rendering_uses_the_pipeline(self):
        """An ordinary save stores what the pipeline makes of the body."""
        post = make_post(body="Plain *words* here.")
        assert post.body_html == render_post("Plain *words* here.", {}).html
        assert post.word_count == render_post("Plain *words* here.", {}).word_count

    def test_a_save_limited_to_other_fields_does_not_rerender(self, pipeline):
        """save(update_fields=["status"]) leaves the stored HTML alone."""
        post = make_post()
        before = post.body_html
        pipeline(lambda text, sources: Rendering(html="<p>Should not appear.</p>"))
        post.status = Post.Status.DRAFT
        post.save(update_fields=["status"])
        post.refresh_from_db()
        assert post.body_html == before

    def test_sources_are_fetched_in_one_query(self, django_assert_num_queries):
        """Rendering a body looks up all its cited sources at once."""
        make_source(key="alpha")
        make_source(key="beta")
        with django_assert_num_queries(1):
            render_body("As [@alpha] and [@beta, p. 3] say, and [@gamma] does not.")


@pytest.mark.django_db
class TestSourceChanges:
    def test_changing_a_source_rerenders_the_posts_citing_it(self, pipeline):
        """A corrected title reaches the HTML of citing posts in the background; ``updated`` stays."""
        source = make_source(key="fixme", title="Tyop")

        def render(text, sources):
            titles = ", ".join(source.title for source in sources.values())
            return make_rendering(source_key="fixme", html=f"<p>{titles}</p>")

        pipeline(render)
        post = make_post(body="See [@fixme].")
        updated = Post.objects.get(pk=post.pk).updated
        source.title = "Typo"
        source.save()
        run_jobs()
        post.refresh_from_db()
        assert post.body_html == "<p>Typo</p>"
        assert post.updated == updated

    def test_a_new_source_rerenders_posts_naming_its_key(self, pipeline):
        """A post saved before its source existed is re-rendered once the source is added."""
        pipeline(lambda text, sources: Rendering(html=f"<p>{sorted(sources)}</p>"))
        post = make_post(body="See [@later].")
        make_source(key="later")
        run_jobs()
        post.refresh_from_db()
        assert post.body_html == "<p>['later']</p>"

    def test_a_cited_source_cannot_be_deleted(self):
        """Deleting a source a post cites is refused rather than breaking the post."""
        source = make_source()
        make_post().save(rendering=make_rendering(source_key=source.key))
        with pytest.raises(ProtectedError):
            source.delete()
